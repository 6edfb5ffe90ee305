/**
 * Marks the blocks of the finished document with the place in the markdown
 * they were written at, `data-source="line:column"`, so that a layout problem
 * found in the browser (text set off the page) can name the source line.
 * Blocks of the essay and the card carry their own position; the cover,
 * colophon and back cover, made from the front matter, carry the place of the
 * front matter key they show (`title`, `subtitle`, `author`, `credits`).
 * Runs after sanitizing (which keeps positions but would drop the attribute).
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { Position } from './messages.ts';

/** Elements a reader sees as one block: a paragraph, heading, item, cell, code block… */
export const SOURCE_BLOCKS: ReadonlySet<string> = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'pre', 'blockquote', 'table', 'th', 'td',
  'figure', 'dt', 'dd', 'address', 'div',
]);

/** Front-matter-made blocks: the class they carry (or `h1` on the cover) and the key they show. */
const FROM_FRONT_MATTER: [(element: Element, section: string) => boolean, string][] = [
  [(element, section) => section === 'cover' && element.tagName === 'h1', 'title'],
  [(element) => hasClass(element, 'title'), 'title'],
  [(element) => hasClass(element, 'subtitle'), 'subtitle'],
  [(element) => hasClass(element, 'author'), 'author'],
  [(element) => hasClass(element, 'cover-credit'), 'cover-credit'],
  [(element) => hasClass(element, 'credit'), 'credits'],
  [(element) => hasClass(element, 'cover-image'), 'cover'],
];

const MADE_FROM_FRONT_MATTER = ['cover', 'colophon', 'back-cover'];

function hasClass(element: Element, name: string): boolean {
  const className = element.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

/** `12:3`: the start of a position, as the attribute holds it. */
export function placeAttribute(position: Position | undefined): string | undefined {
  return position === undefined ? undefined : `${position.start.line}:${position.start.column}`;
}

export function rehypeSourcePlaces() {
  return (tree: Root, file: VFile): void => {
    const keys = file.data.frontMatterPlaces?.keys ?? {};
    for (const section of tree.children) {
      if (section.type !== 'element') continue;
      const made = MADE_FROM_FRONT_MATTER.find((name) => hasClass(section, name));
      visit(section, 'element', (element: Element) => {
        if (made !== undefined) {
          const key = FROM_FRONT_MATTER.find(([matches]) => matches(element, made))?.[1];
          const place = key === undefined ? undefined : placeAttribute(keys[key]);
          if (place !== undefined) element.properties['dataSource'] = place;
          return;
        }
        const place = SOURCE_BLOCKS.has(element.tagName) ? placeAttribute(element.position) : undefined;
        if (place !== undefined) element.properties['dataSource'] = place;
      });
    }
  };
}
