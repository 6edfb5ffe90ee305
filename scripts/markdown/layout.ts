/**
 * Puts the sanitized essay into the document the CSS and the renderer expect:
 *
 *   <section class="cover">            from the front matter
 *   <main class="essay" lang="…">      the essay (class `ragged` too where justification.ts sets it so)
 *   <section class="card-front" id="card">   the tear-off card, moved here
 *   <section class="card-back">        the envelope, from the card's addresses
 *   <section class="colophon">         from the front matter
 *   <section class="back-cover">       from the front matter
 *
 * The card sections are left out when the essay has no card (tear-off.ts
 * warns); a card with no address gets an empty back, so that its leaf never
 * carries the colophon.
 */
import type { Element, Root, RootContent } from 'hast';
import { h } from 'hastscript';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { mainScript } from '../fonts/main-script.ts';
import { backCoverSection, colophonSection, coverSection } from './cover-colophon.ts';
import { openingOf, slogansOf } from './cover-text.ts';
import { alignmentFor } from './justification.ts';
import { cardBack } from './tear-off.ts';

function isCard(node: RootContent): node is Element {
  if (node.type !== 'element' || node.tagName !== 'section') return false;
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes('card-front');
}

function isBlank(node: RootContent | undefined): boolean {
  return node?.type === 'text' && node.value.trim() === '';
}

export function rehypeLayout() {
  return (tree: Root, file: VFile): void => {
    const { frontMatter, settings } = file.data;
    if (!frontMatter || !settings) throw new Error('rehypeLayout needs file.data.frontMatter (run remarkFrontMatterData first)');
    const card = tree.children.find(isCard);
    // The card leaves the essay, and so does the line break that followed it.
    const essay = tree.children.filter((node, index, all) => node !== card && !(all[index - 1] === card && isBlank(node)));
    while (essay[0] && isBlank(essay[0])) essay.shift();
    while (essay.at(-1) && isBlank(essay.at(-1))) essay.pop();

    const cover = coverSection(frontMatter, { image: file.data.coverImage, slogans: slogansOf(essay) });
    const main = h('main', { className: ['essay'], lang: frontMatter.lang }, ['\n', ...essay, '\n'] as Element['children']);
    if (alignmentFor({ lang: frontMatter.lang ?? 'en', script: mainScript(toString(main)) }) === 'ragged') main.properties['className'] = ['essay', 'ragged'];
    const sections: Element[] = [cover, main];
    if (card) {
      sections.push(card);
      // The card's leaf always has a back of its own, so the colophon never ends up on it.
      const addresses = file.data.card?.addresses ?? [];
      sections.push(cardBack({ addresses, url: frontMatter.url, labels: settings.labels }));
    }
    sections.push(colophonSection(frontMatter, settings.labels), backCoverSection(frontMatter, settings.labels, openingOf(essay)));

    tree.children = sections.flatMap((section): RootContent[] => [section, { type: 'text', value: '\n' }]);
  };
}
