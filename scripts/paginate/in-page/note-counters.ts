import type { HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/**
 * Each page starts its note counters at the number of notes before it.
 * Paged.js counts notes with CSS counters across all pages; a finished page
 * that is hidden (display: none) drops out of the count, so a note's mark and
 * call would be narrower while its page is laid out than when it is printed,
 * and a page whose notes just fit would overflow once every page is shown.
 * Each page keeps the count before it, and the next page adds the calls of
 * the page before it, finished by then: no page looks further back than one
 * page, so the cost per page stays flat however long the document.
 */
export function noteCounters(paged: PagedGlobal): HandlerClass {
  return class NoteCounters extends paged.Handler {
    override beforePageLayout(page: PagedPage): void {
      const previous = page.element.previousElementSibling;
      const before =
        previous instanceof HTMLElement
          ? Number(previous.dataset.callsBefore ?? 0) + previous.querySelectorAll('[data-footnote-call]').length
          : 0;
      page.element.dataset.callsBefore = String(before);
      page.element.style.setProperty('counter-reset', `footnote ${before} footnote-marker ${before}`);
    }
  };
}
