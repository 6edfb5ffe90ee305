/** Letters of a text: white space and soft hyphens aside. */
export function countable(text: string): string {
  return text.replace(/[\s\u00ad]+/g, '');
}

/** Text that is ours, not the reader's: notes pages, the hidden running title, "continued" marks. */
export const NOT_COUNTED = '.notes-page, .running-title, .note-continued';

function ours(node: Node): boolean {
  return node.parentElement !== null && node.parentElement.closest(NOT_COUNTED) !== null;
}

/** Letters of text (white space aside) in the document before layout. */
export function sourceLetters(fragment: Node): number {
  let count = 0;
  const walker = document.createTreeWalker(fragment, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (!ours(node)) count += countable(node.data).length;
  }
  return count;
}

/**
 * Letters a reader sees on one page. Paged.js sets a page's content in CSS
 * columns one page wide: text it failed to fit runs into a second column,
 * off the page, where nobody will print it. Letters there do not count.
 * Text hidden from print (a continued note's hidden mark) does not count either.
 */
export function printedLetters(page: Element): number {
  const area = page.querySelector('.pagedjs_area');
  if (!area) return 0;
  const edge = area.getBoundingClientRect().right - 1;
  const range = document.createRange();
  // Most pages set nothing past their edge: one look at all their boxes says so, and each text then counts whole.
  range.selectNodeContents(area);
  const whole = [...range.getClientRects()].every((rect) => rect.width === 0 || rect.right <= edge + 1);
  let count = 0;
  const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (countable(node.data) === '' || ours(node)) continue;
    if (whole) {
      count += countable(node.data).length;
      continue;
    }
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0);
    if (rects.every((rect) => rect.right <= edge + 1)) count += countable(node.data).length;
    else if (rects.some((rect) => rect.left < edge)) {
      for (let i = 0; i < node.data.length; i += 1) {
        if (countable(node.data.charAt(i)) === '') continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getBoundingClientRect();
        if (rect.width > 0 && rect.left < edge) count += 1;
      }
    }
  }
  return count;
}

/** The first text set off the page (Paged.js could not break it), or undefined. */
export function lostText(page: Element): Text | undefined {
  const area = page.querySelector('.pagedjs_page_content');
  if (!area) return undefined;
  const edge = area.getBoundingClientRect().right - 1;
  const range = document.createRange();
  const walker = document.createTreeWalker(area, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (countable(node.data) === '' || ours(node)) continue;
    range.selectNodeContents(node);
    if ([...range.getClientRects()].some((rect) => rect.width > 0 && rect.left >= edge)) return node;
  }
  return undefined;
}
