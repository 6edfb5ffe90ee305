/**
 * Gives every heading of the finished document (cover title, essay, card) an
 * id made from its text, unique in the document, and lists them on
 * `file.data.headings` for bookmarks and tables of contents. Runs after
 * sanitizing, so the ids are ours and need no prefix.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { HeadingEntry } from './data.ts';

const HEADING = /^h([1-6])$/;
/** Ids the layout uses itself. */
const RESERVED = ['card'];

/**
 * "Women’s Day: #1 - Go!" → "womens-day-1-go", "Ça va" → "ca-va". Accents are
 * dropped; letters of other scripts are kept as they are.
 */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u00AD’'`]/g, '')
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out slugs, adding -1, -2, … to repeats. */
export class Slugger {
  readonly #seen = new Set<string>(RESERVED);

  next(text: string): string {
    const base = slug(text) || 'section';
    let id = base;
    for (let count = 1; this.#seen.has(id); count += 1) id = `${base}-${count}`;
    this.#seen.add(id);
    return id;
  }
}

export function rehypeHeadingIds() {
  return (tree: Root, file: VFile): void => {
    const slugger = new Slugger();
    const headings: HeadingEntry[] = [];
    visit(tree, 'element', (node) => {
      const depth = HEADING.exec(node.tagName)?.[1];
      if (depth === undefined) return;
      const text = headingText(node);
      const id = slugger.next(text);
      node.properties['id'] = id;
      headings.push({ depth: Number(depth), text, id });
    });
    file.data.headings = headings;
  };
}

/** The heading's words, without the text of a footnote called in it. */
function headingText(heading: Element): string {
  return words(heading).replace(/\s+/g, ' ').trim();
}

function words(node: Element): string {
  return node.children
    .map((child) => {
      if (child.type !== 'element') return toString(child);
      const className = child.properties['className'];
      const isNote = Array.isArray(className) && (className.includes('footnote') || className.includes('footnote-ref'));
      return isNote ? '' : words(child);
    })
    .join('');
}
