import { cutNotesAtFoot, placeCarried } from './carry-notes.ts';
import { fitPage, notesParts } from './fit-page.ts';
import { firstOffPage, moveOver } from './keep-text.ts';
import type { BreakToken, Chunker, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** Parts of notes cut at the foot of the page just laid out, for the next page. */
const carried: DocumentFragment[] = [];

/** Blocks set on pages of their own, where no note of the running text goes on. */
const OWN_PAGES = '.cover, .card-front, .card-back, .notes-page, .colophon, .back-cover';

/** Whether the next page, which starts at `breakToken`, goes on with the running text (and so can hold notes carried to it). */
export function textGoesOn(breakToken: BreakToken | undefined): boolean {
  const node = breakToken?.node;
  const element = node instanceof Element ? node : node?.parentElement;
  return element?.closest('main.essay') != null && element.closest(OWN_PAGES) === null;
}

/** Whether the page just laid out carries parts of notes over to the next. */
export const notesCarriedOver = (): boolean => carried.length > 0;

/**
 * Notes too long for the foot of their page continue at the foot of the next
 * page (and the next), as books set them. After each page is laid out, its
 * text is fitted to its notes so that every note begins on its call's page
 * (`fitPage`); the lines of notes that run past the page's foot are then cut
 * off at a line and carried into the next page's notes area before its text
 * is laid out, marked as continued. Paged.js 0.4.3 would leave them cut off.
 */
export function continueNotes(paged: PagedGlobal): HandlerClass {
  return class ContinueNotes extends paged.Handler {
    override beforeParsed(): void {
      // A new layout (the preview lays the document out again in the same tab).
      carried.length = 0;
    }

    override beforePageLayout(page: PagedPage): void {
      placeCarried(page.element, carried.splice(0));
    }

    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined, chunker: Chunker): void {
      const parts = notesParts(pageElement);
      if (!parts || (parts.inner.childElementCount === 0 && !parts.content.querySelector('[data-footnote-call]'))) return;
      if (fitPage(parts, page, breakToken, chunker)) pageElement.dataset.callMoved = '';
      // Text still set past the foot (a paragraph's lines Chromium kept together there) goes over
      // before the notes are cut, so that no note is cut for a call that then leaves the page.
      for (let tries = 0; breakToken && tries < 3; tries += 1) {
        const start = firstOffPage(page.area);
        if (!start || !moveOver(start, page, breakToken)) break;
        fitPage(parts, page, breakToken, chunker);
      }
      const rest = cutNotesAtFoot(parts.inner, parts.notesArea.getBoundingClientRect().bottom);
      if (!rest) return;
      carried.push(rest);
      // Notes outlast the running text: one more page for them, before the back matter's.
      if (!textGoesOn(breakToken)) void chunker.clonePage(page);
    }
  };
}
