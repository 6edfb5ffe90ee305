/**
 * A block in the other direction's script is set that way by itself: in a
 * left-to-right document a Hebrew or Arabic paragraph runs right to left (its
 * indent, its alignment and its list marker too), and in a right-to-left
 * document an English one runs left to right. A block's direction is its
 * first strong letter's, as the Unicode bidirectional algorithm takes it;
 * blocks in the document's own direction get no attribute.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { documentDirection, type Direction } from '../config/direction.ts';

/** Blocks whose lines a reader sees run one way: paragraphs, headings, list items, quotes, cells, notes. */
const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dt', 'dd', 'th', 'td', 'figcaption']);

const LETTER = /\p{L}/u;
const RTL_LETTER =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Mandaic}\p{Script=Samaritan}]/u;

/** Text set apart by the isolates (U+2066–U+2069), which the bidirectional algorithm skips when it looks for the first strong letter. */
const ISOLATED = /[\u2066-\u2068][^\u2066-\u2069]*\u2069/gu;

/** The direction of the first strong letter in the text (isolated runs skipped), or undefined when it has none. */
export function firstStrongDirection(text: string): Direction | undefined {
  const letter = LETTER.exec(text.replace(ISOLATED, ''))?.[0];
  if (letter === undefined) return undefined;
  return RTL_LETTER.test(letter) ? 'rtl' : 'ltr';
}

function isNote(node: Element): boolean {
  const className = node.properties['className'];
  return node.tagName === 'span' && Array.isArray(className) && className.includes('footnote');
}

export function rehypeDirection() {
  return (tree: Root, file: VFile): void => {
    const frontMatter = file.data.frontMatter;
    if (!frontMatter) throw new Error('rehypeDirection needs file.data.frontMatter (run remarkFrontMatterData first)');
    const documentDir = documentDirection(frontMatter);
    // A block inside a block (a list item's paragraph) is compared with the
    // nearest one around it; a note with the document, whose direction it
    // takes at the foot of the page.
    const visitBlock = (node: Element, around: Direction) => {
      let own = around;
      if (BLOCKS.has(node.tagName) || isNote(node)) {
        const base = isNote(node) ? documentDir : around;
        const text = toString({ ...node, children: node.children.filter((child) => !(child.type === 'element' && isNote(child))) });
        own = firstStrongDirection(text) ?? base;
        if (own !== base) node.properties['dir'] = own;
      }
      for (const child of node.children) if (child.type === 'element') visitBlock(child, own);
    };
    for (const node of tree.children) if (node.type === 'element') visitBlock(node, documentDir);
  };
}
