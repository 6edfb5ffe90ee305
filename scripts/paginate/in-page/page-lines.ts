import { lineStart } from './line-start.ts';
import { firstBelow, type PageLine } from './note-split.ts';

export const BLOCK = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, figcaption, dt, dd, td, th';

interface Line {
  top: number;
  bottom: number;
  block: Element;
  calls: Element[];
}

/**
 * How far below `top` a note's lines end: its first line, its second (its
 * only one), and its last. A note that begins at the foot of a page keeps two
 * lines there, as a paragraph does, so that a two-line note is never split;
 * one line where two would leave the page short (fit-page.ts).
 */
function noteReach(note: Element, top: number): Pick<PageLine, 'reach' | 'reachOne' | 'end'> {
  const range = document.createRange();
  range.selectNodeContents(note);
  const bottoms = new Map<number, number>();
  for (const rect of range.getClientRects()) {
    if (rect.width === 0 || rect.height === 0) continue;
    const line = Math.round(rect.top);
    bottoms.set(line, Math.max(bottoms.get(line) ?? 0, rect.bottom));
  }
  const lines = [...bottoms].sort(([a], [b]) => a - b).map(([, bottom]) => bottom);
  const end = note.getBoundingClientRect().bottom;
  return { reachOne: (lines[0] ?? end) - top, reach: (lines[1] ?? lines[0] ?? end) - top, end: end - top };
}

/** Distance from `y` to the span of `line` (0 inside it). */
const distance = (line: Line, y: number): number => Math.max(0, line.top - y, y - line.bottom);

/**
 * The lines of the page's text in its column, top to bottom: the boxes of
 * its letters grouped by block and by overlap (a raised note call belongs to
 * the line it is raised from), each with how far the notes it calls reach
 * below the top of `notes` (the notes' inner box, every note of the page in
 * call order, after any continued from the page before). `continues` says
 * whether a block goes on on the next page.
 */
export function pageLines(content: HTMLElement, notes: HTMLElement, continues: (block: Element) => boolean): PageLine[] {
  const edge = content.getBoundingClientRect().right - 1;
  const lines: Line[] = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const block = node.parentElement?.closest(BLOCK) ?? node.parentElement;
    if (!block) continue;
    range.selectNodeContents(node);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.left >= edge) continue;
      const last = lines.at(-1);
      // A box is on the line before when its middle is: the boxes of two lines overlap where the
      // leading is less than the font's height (the mini zine's 1.28 in Source Serif 4, 1.37 em high).
      const middle = (rect.top + rect.bottom) / 2;
      if (last?.block === block && middle > last.top && middle < last.bottom) {
        last.top = Math.min(last.top, rect.top);
        last.bottom = Math.max(last.bottom, rect.bottom);
      } else lines.push({ top: rect.top, bottom: rect.bottom, block, calls: [] });
    }
  }
  for (const call of content.querySelectorAll('[data-footnote-call]')) {
    const rect = call.getBoundingClientRect();
    const middle = (rect.top + rect.bottom) / 2;
    const block = call.closest(BLOCK);
    const own = lines.filter((line) => line.block === block);
    const line = (own.length > 0 ? own : lines).reduce<Line | undefined>(
      (best, candidate) => (best === undefined || distance(candidate, middle) < distance(best, middle) ? candidate : best),
      undefined,
    );
    line?.calls.push(call);
  }
  const top = notes.getBoundingClientRect().top;
  return lines.map((line) => {
    const own = lines.filter((other) => other.block === line.block);
    const reaches = line.calls.map((call) => {
      const ref = call.getAttribute('data-footnote-call') ?? '';
      const note = notes.querySelector(`[data-ref="${CSS.escape(ref)}"]:not([data-split-from])`);
      return note ? noteReach(note, top) : { reach: Infinity, reachOne: Infinity, end: Infinity };
    });
    return {
      top: line.top,
      bottom: line.bottom,
      reach: Math.max(0, ...reaches.map((reach) => reach.reach)),
      reachOne: Math.max(0, ...reaches.map((reach) => reach.reachOne)),
      end: Math.max(0, ...reaches.map((reach) => reach.end)),
      index: own.indexOf(line),
      count: own.length,
      continues: continues(line.block),
      heading: /^H[1-6]$/.test(line.block.tagName),
    };
  });
}

/** The first letter of the page's column set at or below `y`: where a line that starts there begins. */
export function firstLetterFrom(content: HTMLElement, y: number): { node: Text; offset: number } | undefined {
  const edge = content.getBoundingClientRect().right - 1;
  const range = document.createRange();
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  // By a box's middle: where the leading is less than the font's height, the top of the next line's box is above `y`.
  const below = (rect: DOMRect | undefined): boolean | undefined =>
    rect === undefined ? undefined : (rect.top + rect.bottom) / 2 >= y || rect.left >= edge;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((rect) => rect.width > 0 && below(rect))) continue;
    const offset = firstBelow(node.data.length, (index) => {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      return below([...range.getClientRects()].find((box) => box.width > 0));
    });
    // Where that line begins (a letter just after a soft hyphen that broke the line may report the line before).
    if (offset < node.data.length) return { node, offset: lineStart(node, offset) };
  }
  return undefined;
}
