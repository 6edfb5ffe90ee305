import { showBreakHyphen } from './break-at-line.ts';
import { lineStart } from './line-start.ts';
import { firstBelow } from './note-split.ts';
import { sourceOf } from './text-origins.ts';
import type { BreakToken, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** The first letter of the page's text that was set past the foot of its column, off the page. */
export function firstOffPage(content: HTMLElement): { node: Text; offset: number } | undefined {
  const edge = content.getBoundingClientRect().right - 1;
  const range = document.createRange();
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    range.selectNodeContents(node);
    if (![...range.getClientRects()].some((rect) => rect.width > 0 && rect.left >= edge)) continue;
    const offset = firstBelow(node.data.length, (index) => {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = [...range.getClientRects()].find((box) => box.width > 0);
      return rect === undefined ? undefined : rect.left >= edge;
    });
    return { node, offset: lineStart(node, offset) };
  }
  return undefined;
}

type TokenProto = { toJSON(this: BreakToken, hash?: boolean): unknown };

/** Where pages ended before their break token was moved back, as Paged.js writes them. */
const displaced = new Set<unknown>();

/** A new layout of the document starts with no break moved. */
export function forgetMovedBreaks(): void {
  displaced.clear();
}

/**
 * Paged.js stops the layout as "repeated" when a page ends at a break token
 * an earlier page ended at. Once a token is moved back, the next page may
 * rightly end where the page before first did (at the start of the next
 * section): that token is written apart once, so the layout goes on.
 */
function unrepeat(breakToken: BreakToken): void {
  const proto = Object.getPrototypeOf(breakToken) as TokenProto & { written?: TokenProto['toJSON'] };
  if (!proto.written) {
    const written = proto.toJSON;
    proto.written = written;
    proto.toJSON = function (this: BreakToken, hash?: boolean) {
      const json = written.call(this, hash);
      if (!displaced.delete(json)) return json;
      return typeof json === 'string' ? json.replace(/}$/, ',"after":"a moved break"}') : json;
    };
  }
  displaced.add(proto.written.call(breakToken, true));
}

/**
 * Moves the page's text from the letter `start` on to the next page: it is
 * taken off this page (with the notes it calls) and the break token the
 * chunker goes on from is moved back to that letter in the source. Returns
 * whether it could be.
 */
export function moveOver(start: { node: Text; offset: number }, page: PagedPage, breakToken: BreakToken): boolean {
  const layout = page.layoutMethod;
  const token = sourceOf(start.node, start.offset);
  if (!layout || !token) return false;
  const overflow = document.createRange();
  overflow.setStart(start.node, start.offset);
  overflow.setEnd(page.wrapper, page.wrapper.childNodes.length);
  const removed = overflow.extractContents();
  // A word broken at the foot of the page ends with a visible hyphen.
  showBreakHyphen(start.node);
  layout.hooks.afterOverflowRemoved.trigger(removed, page.wrapper, layout);
  unrepeat(breakToken);
  breakToken.node = token.node;
  breakToken.offset = token.offset;
  return true;
}

/**
 * Text that Chromium set past the foot of the page is carried to the next one.
 * Paged.js lays a page out as one CSS column; where widows and orphans are
 * kept, Chromium moves a paragraph's first or last lines into the next column,
 * but Paged.js 0.4.3 looks for the overflow by the paragraph's box and breaks
 * after them, so those lines were printed nowhere. Here the break token the
 * chunker goes on from is moved back to the first letter off the page.
 */
export function keepText(paged: PagedGlobal): HandlerClass {
  return class KeepText extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined): void {
      if (!breakToken) return;
      const start = firstOffPage(page.area);
      if (start) moveOver(start, page, breakToken);
    }
  };
}
