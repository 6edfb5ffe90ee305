import type { HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/**
 * Each page starts its note counters at the number of notes before it.
 * Paged.js counts notes with CSS counters across all pages; a finished page
 * that is hidden (display: none) drops out of the count, so a note's mark and
 * call would be narrower while its page is laid out than when it is printed,
 * and a page whose notes just fit would overflow once every page is shown.
 */
export function noteCounters(paged: PagedGlobal): HandlerClass {
  return class NoteCounters extends paged.Handler {
    override beforePageLayout(page: PagedPage): void {
      const before = document.querySelectorAll('.pagedjs_pages [data-footnote-call]').length;
      page.element.style.setProperty('counter-reset', `footnote ${before} footnote-marker ${before}`);
    }
  };
}
