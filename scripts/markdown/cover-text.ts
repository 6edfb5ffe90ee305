/**
 * What the covers borrow from the essay: the lines of its `:::slogans` blocks
 * for the front cover, and its first lines for the back cover, cut at a word
 * (at a letter in scripts written without spaces) and marked "…".
 */
import type { Element, RootContent } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

/** Most characters of the first lines on the back cover; scripts written without spaces say more in fewer. */
export const OPENING_LENGTH = { spaced: 240, unspaced: 90 } as const;

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

function hasClass(element: Element, name: string): boolean {
  const className = element.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

const clean = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

/** Most slogans a front cover carries: more would run off it (in every design, and in the mini zine's cover cell). */
export const COVER_SLOGANS = 4;

/**
 * The lines of the `:::slogans` blocks for the front cover: in order, each
 * once (a text may repeat its slogans at the end of each part), at most
 * COVER_SLOGANS of them.
 */
export function slogansOf(essay: readonly RootContent[]): string[] {
  const lines = new Set<string>();
  for (const node of essay) {
    visit(node, 'element', (element: Element) => {
      if (!hasClass(element, 'slogans')) return;
      for (const child of element.children) {
        if (child.type !== 'element' || child.tagName !== 'p') continue;
        for (const line of toString(child).split('\n').map(clean)) if (line !== '') lines.add(line);
      }
    });
  }
  return [...lines].slice(0, COVER_SLOGANS);
}

/** The essay's first paragraph, up to OPENING_LENGTH characters; undefined when it starts with none. */
export function openingOf(essay: readonly RootContent[]): string | undefined {
  const first = essay.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  if (first === undefined) return undefined;
  // A note's text, set inline at its call, is not part of the line.
  const copy = structuredClone(first);
  visit(copy, 'element', (element: Element, index, parent) => {
    if (parent && index !== undefined && (hasClass(element, 'footnote') || hasClass(element, 'footnote-ref'))) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  const text = clean(toString(copy));
  if (text === '') return undefined;
  const limit = UNSPACED.test(text) ? OPENING_LENGTH.unspaced : OPENING_LENGTH.spaced;
  if ([...text].length <= limit) return text;
  const cut = [...text].slice(0, limit).join('');
  const space = cut.lastIndexOf(' ');
  const kept = space > limit / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.—–-]+$/u, '')}…`;
}
