import { forgetMovedBreaks } from './keep-text.ts';
import { pages } from './pages.ts';

/**
 * Lays a new version of the document's body out in the tab that laid out the
 * one before (the preview keeps it open): Paged.js has read the styles and
 * the fonts are loaded, so only the text is set again. The pages of the last
 * layout go, the notes pages repeated after it too (they are not the chunker's).
 */
export async function relayout(body: string): Promise<void> {
  const chunker = window.PagedPolyfill.chunker;
  const own = new Set(chunker.pages.map((page) => page.element));
  for (const page of pages()) if (!own.has(page)) page.remove();
  const template = document.querySelector<HTMLTemplateElement>('body > template[data-ref="pagedjs-content"]');
  if (!template) throw new Error('this tab holds no laid-out document to lay out again');
  template.innerHTML = body;
  forgetMovedBreaks();
  await chunker.flow(template.content);
}
