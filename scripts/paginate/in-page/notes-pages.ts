import type { HandlerClass, PagedGlobal } from './paged.ts';
import { pageOf, pages, renumber } from './pages.ts';

/**
 * How many notes pages make `pageCount` pages (one notes page among them) a
 * multiple of 4: 0 removes the one laid out, 1 keeps it, 2 and 3 repeat it.
 */
export function notesPagesWanted(pageCount: number): number {
  return (((1 - pageCount) % 4) + 4) % 4;
}

/**
 * One "notes" page goes in before the back matter (the card, or else the
 * colophon). After layout it is repeated or removed so that the total is a
 * multiple of 4; the pages after it keep their order and their count, so the
 * card front, 3 pages before the end, lands on a right-hand page.
 */
export function notesPage(paged: PagedGlobal, options: { notes: boolean }): HandlerClass {
  return class NotesPage extends paged.Handler {
    override beforeParsed(content: DocumentFragment): void {
      if (!options.notes) return;
      const backMatter = content.querySelector('.card-front') ?? content.querySelector('.colophon');
      if (!backMatter) return;
      const notes = document.createElement('section');
      notes.className = 'notes-page';
      // Ruled lines as elements: Chromium prints thin gradient stripes unevenly.
      notes.innerHTML = `<h2></h2><div class="lines">${'<div class="line"></div>'.repeat(24)}</div>`;
      backMatter.before(notes);
    }
  };
}

/** Repeats or removes the laid-out notes page; returns how many are left. */
export function settleNotesPages(): number {
  const notesPage = pageOf('.notes-page');
  if (notesPage === 0) return 0;
  const template = pages()[notesPage - 1];
  // Only a page that holds the notes page and nothing else may be repeated or removed.
  const content = template?.querySelector('.pagedjs_page_content');
  const notes = template?.querySelector('.notes-page');
  if (!template || !content || !notes || content.textContent.trim() !== notes.textContent.trim()) return 1;
  const wanted = notesPagesWanted(pages().length);
  for (let i = 1; i < wanted; i += 1) template.after(template.cloneNode(true));
  if (wanted === 0) template.remove();
  renumber();
  return wanted;
}
