import { showBreakHyphen } from './break-at-line.ts';
import { lineStart } from './line-start.ts';
import { carriedHeight, firstBelow } from './note-split.ts';
import { wordStart } from './whole-last-word.ts';

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
    return { node, offset: lineStart(node, offset) };
  }
  return undefined;
}

/**
 * Cuts the notes off at the foot of the page, between words: what runs past
 * `bottom` is taken out, its first part marked as the continuation of its
 * note, to be set at the foot of the next page. Where the last line ends at a
 * soft hyphen, the whole word goes over with the rest (whole-last-word.ts),
 * unless it began on the line before or is alone on its line: then it is cut
 * there, its hyphen shown.
 */
export function cutNotesAtFoot(inner: HTMLElement, bottom: number): DocumentFragment | undefined {
  const found = splitPoint(inner, bottom);
  if (!found) return undefined;
  const hyphen = { node: found.node, offset: found.offset - 1 };
  const split = found.node.data[hyphen.offset] === '\u00ad' ? (wordStart(inner, hyphen) ?? found) : found;
  const range = document.createRange();
  range.setStart(split.node, split.offset);
  range.setEnd(inner, inner.childNodes.length);
  const rest = range.extractContents();
  // A word cut at a soft hyphen ends this page's part with a visible hyphen, as the text's own do (keep-text.ts).
  showBreakHyphen(split.node);
  const first = rest.firstElementChild;
  if (first instanceof HTMLElement) {
    first.dataset.splitFrom = first.dataset.ref ?? '';
    first.dataset.part = String(Number(first.dataset.part ?? '1') + 1);
    first.removeAttribute('id');
  }
  return rest;
}

/**
 * The height of the notes area, and so of the text column above it: our own
 * property, which Paged.js does not set (footnotes.css), so that the column
 * is as tall as the page allows while Paged.js sets the text, and the notes
 * are fitted to it afterwards.
 */
export const NOTES_HEIGHT = '--zine-notes-height';

const px = (value: string): number => Number.parseFloat(value) || 0;

/** Margins and borders around the notes: their height counts in the area but not in scrollHeight. */
export function frame(content: HTMLElement): number {
  const style = getComputedStyle(content);
  return px(style.marginTop) + px(style.marginBottom) + px(style.borderTopWidth) + px(style.borderBottomWidth);
}

/**
 * Sets the parts of notes carried from the page before at the top of the
 * page's notes area, before its text is laid out, and gives them room (at
 * most half the page: the text always moves on). The area is marked so that
 * its rule is the short one of continued notes.
 */
export function placeCarried(pageElement: HTMLElement, parts: DocumentFragment[]): void {
  const area = pageElement.querySelector<HTMLElement>('.pagedjs_area');
  const content = area?.querySelector<HTMLElement>('.pagedjs_footnote_content');
  const inner = area?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
  if (!area || !content || !inner) return;
  // Paged.js sets here the notes it could not set on the page before; every
  // note is set on its call's page by `restoreNotes` instead.
  inner.replaceChildren(...parts);
  if (parts.length === 0) return;
  content.classList.remove('pagedjs_footnote_empty');
  area.classList.add('notes-continued');
  const height = carriedHeight(content.scrollHeight + frame(content), area.getBoundingClientRect().height);
  area.style.setProperty(NOTES_HEIGHT, `${height}px`);
}
