import { carriedHeight, firstBelow } from './note-split.ts';
import type { BreakToken, Chunker, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** Where a note's text runs past the foot of its page: the first letter below `bottom`. */
function splitPoint(inner: HTMLElement, bottom: number): { node: Text; offset: number } | undefined {
  const range = document.createRange();
  const walker = document.createTreeWalker(inner, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((rect) => rect.height > 0);
    if (rects.length === 0 || rects.every((rect) => rect.bottom <= bottom + 0.5)) continue;
    const offset = firstBelow(node.data.length, (index) => {
      range.setStart(node, index);
      range.setEnd(node, index + 1);
      const rect = [...range.getClientRects()].find((box) => box.width > 0);
      return rect === undefined ? undefined : rect.bottom > bottom + 0.5;
    });
    return { node, offset };
  }
  return undefined;
}

/**
 * How much of the page's text ran past the foot of its column into the next
 * one, off the page: the height of those lines (0 when the text fits).
 */
function textPastColumn(content: HTMLElement): number {
  const edge = content.getBoundingClientRect().right;
  const range = document.createRange();
  let top = Infinity;
  let bottom = -Infinity;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    range.selectNodeContents(walker.currentNode);
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.left < edge - 1) continue;
      top = Math.min(top, rect.top);
      bottom = Math.max(bottom, rect.bottom);
    }
  }
  return bottom > top ? bottom - top : 0;
}

const px = (value: string): number => Number.parseFloat(value) || 0;

/** Margins and borders around the notes: their height counts in the area but not in scrollHeight. */
function frame(content: HTMLElement): number {
  const style = getComputedStyle(content);
  return px(style.marginTop) + px(style.marginBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
}

/** Whether not even the first line of `note` reaches above `bottom`. */
function startsBelow(note: Element, bottom: number): boolean {
  const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    const first = node.data.search(/\S/);
    if (first < 0) continue;
    range.setStart(node, first);
    range.setEnd(node, first + 1);
    const rect = range.getBoundingClientRect();
    return rect.bottom > bottom + 0.5;
  }
  return false;
}

/** The top of the line that holds a note's call. */
function lineTop(call: Element): number {
  const before = call.previousSibling;
  if (before instanceof Text && before.data.length > 0) {
    const range = document.createRange();
    range.setStart(before, before.data.length - 1);
    range.setEnd(before, before.data.length);
    const rect = range.getBoundingClientRect();
    if (rect.height > 0) return rect.top;
  }
  return call.getBoundingClientRect().top;
}

/**
 * Calls on the page whose note does not begin on it: the note was put off to
 * the next page, or not a line of it fits below the text.
 */
function strandedCall(pageElement: HTMLElement, inner: HTMLElement, bottom: number): Element | undefined {
  for (const call of pageElement.querySelectorAll<HTMLElement>('.pagedjs_page_content [data-footnote-call]')) {
    const note = inner.querySelector(`[data-ref="${call.dataset.footnoteCall}"]:not([data-split-from])`);
    if (!note || startsBelow(note, bottom)) return call;
  }
  return undefined;
}

/**
 * Moves the line of `call`, and all that follows it, to the next page: the
 * break token the chunker goes on from is moved back to that line.
 */
function moveLineOver(call: Element, page: PagedPage, breakToken: BreakToken, chunker: Chunker): boolean {
  const layout = page.layoutMethod;
  if (!layout) return false;
  const box = page.area.getBoundingClientRect();
  const bottom = Math.floor(lineTop(call));
  if (bottom <= box.top) return false;
  const bounds = { left: box.left, right: box.right, top: box.top, bottom, width: box.width, height: bottom - box.top };
  const token = layout.findBreakToken(page.wrapper, chunker.source, bounds, undefined, true);
  if (!token) return false;
  breakToken.node = token.node;
  breakToken.offset = token.offset;
  return true;
}

/**
 * Notes too long for the foot of their page continue at the foot of the next
 * page (and the next), as books set them: after each page is laid out, the
 * lines of notes that run past the page's foot are cut off at a line and
 * carried into the next page's note area before its text is laid out, marked
 * as continued. Paged.js 0.4.3 would leave them cut off.
 */
export function continueNotes(paged: PagedGlobal): HandlerClass {
  const carried: DocumentFragment[] = [];

  return class ContinueNotes extends paged.Handler {
    override beforePageLayout(page: PagedPage): void {
      const area = page.element.querySelector<HTMLElement>('.pagedjs_area');
      const content = area?.querySelector<HTMLElement>('.pagedjs_footnote_content');
      const inner = area?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
      if (!area || !content || !inner || carried.length === 0) return;
      for (const part of carried.splice(0)) inner.prepend(part);
      content.classList.remove('pagedjs_footnote_empty');
      area.classList.add('notes-continued');
      const height = carriedHeight(content.scrollHeight + frame(content), area.getBoundingClientRect().height);
      area.style.setProperty('--pagedjs-footnotes-height', `${height}px`);
    }

    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined, chunker: Chunker): void {
      const area = pageElement.querySelector<HTMLElement>('.pagedjs_footnote_area');
      const inner = area?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
      const pageArea = pageElement.querySelector<HTMLElement>('.pagedjs_area');
      const content = pageElement.querySelector<HTMLElement>('.pagedjs_page_content');
      if (!area || !inner || !pageArea || !content || inner.childElementCount === 0) return;
      // Notes that grew after the text was broken push its last lines off the
      // page: give the text its room back; the notes then continue overleaf.
      const past = textPastColumn(content);
      if (past > 0) {
        const height = Math.max(0, area.getBoundingClientRect().height - Math.ceil(past) - 1);
        pageArea.style.setProperty('--pagedjs-footnotes-height', `${height}px`);
      }
      // A call whose note cannot begin on its page goes over with its line.
      const stranded = breakToken ? strandedCall(pageElement, inner, area.getBoundingClientRect().bottom) : undefined;
      if (stranded && breakToken && moveLineOver(stranded, page, breakToken, chunker)) {
        const notes = area.querySelector<HTMLElement>('.pagedjs_footnote_content');
        const height = notes && inner.childElementCount > 0 ? notes.scrollHeight + frame(notes) : 0;
        pageArea.style.setProperty('--pagedjs-footnotes-height', `${height}px`);
      }
      const split = splitPoint(inner, area.getBoundingClientRect().bottom);
      if (!split) return;
      const range = document.createRange();
      range.setStart(split.node, split.offset);
      range.setEnd(inner, inner.childNodes.length);
      const rest = range.extractContents();
      const first = rest.firstElementChild;
      if (first instanceof HTMLElement) {
        const ref = first.dataset.ref ?? '';
        first.dataset.splitFrom = ref;
        first.dataset.part = String(Number(first.dataset.part ?? '1') + 1);
        first.removeAttribute('id');
      }
      carried.push(rest);
      // Notes outlast the text: one more page for them.
      if (!breakToken) void chunker.clonePage(page);
    }
  };
}
