import { forgetMovedBreaks } from './keep-text.ts';
import type { Chunker, PagedPage } from './paged.ts';
import { pages, renumber } from './pages.ts';
import { stringsAfter } from './running-strings.ts';
import { planReuse, type LastLayout, type Resumed } from './reuse-pages.ts';

/**
 * When Paged.js lays a page out, its Splits handler marks the parts of the
 * elements split between it and the page before, on the page before (their
 * last line is justified, their bottom margin dropped). An old page that
 * follows a new one is not laid out: the same handler's step is run for it.
 */
function markSplitsBefore(page: PagedPage | undefined): void {
  const Splits = window.Paged.registeredHandlers.find((handler) => handler.name === 'Splits');
  const proto = Splits?.prototype as { afterPageLayout?(element: HTMLElement): void } | undefined;
  if (page && proto?.afterPageLayout) proto.afterPageLayout.call(Object.create(proto), page.element);
}

/**
 * Lays the new source out where it differs from the last (`planReuse`): the
 * last layout's pages before the change are put back, the layout goes on
 * from there page by page, and wherever it comes back in step with the old
 * pages, those up to the next change follow as they are. Stands in for the
 * chunker's `render`, the last step of its `flow`.
 */
async function renderChanged(chunker: Chunker, source: DocumentFragment, last: LastLayout): Promise<{ done: boolean }> {
  const plan = planReuse(last, source);
  const put = (pages: readonly PagedPage[]) => {
    chunker.pagesArea.append(...pages.map((page) => page.element));
    chunker.pages.push(...pages);
    chunker.total = chunker.pages.length;
  };
  put(last.pages.slice(0, plan.keep));
  let start = plan.start;
  while (!plan.same) {
    stringsAfter(chunker.pages.at(-1)?.element);
    const pager = chunker.layout(source, start);
    let resumed: Resumed | undefined;
    for (;;) {
      const step = await pager.next();
      if (step.done) break;
      resumed = step.value && plan.resume(step.value, chunker.pages.length - 1);
      if (resumed) break;
    }
    if (!resumed) break;
    await pager.return(undefined);
    put(resumed.pages);
    markSplitsBefore(resumed.pages[0]);
    if (!resumed.next) break;
    start = resumed.next;
  }
  for (const page of last.pages) if (!chunker.pages.includes(page)) page.destroy();
  return { done: true };
}

/**
 * Lays a new version of the document's body out in the tab that laid out the
 * one before (the preview keeps it open): Paged.js has read the styles and
 * the fonts are loaded, and only the pages the change reaches are set again.
 * The running head is the title, part of the head: a new title opens a new tab.
 */
export async function relayout(body: string): Promise<void> {
  const chunker = window.PagedPolyfill.chunker;
  const template = document.querySelector<HTMLTemplateElement>('body > template[data-ref="pagedjs-content"]');
  if (!template) throw new Error('this tab holds no laid-out document to lay out again');
  // The last source is the template's content, which the new one replaces: its
  // nodes (the last pages' break tokens point at them) move out first.
  const source = document.createDocumentFragment();
  source.append(...template.content.childNodes);
  const last: LastLayout = { source, pages: chunker.pages };
  // Paged.js watches each laid-out page's size to lay it out again from the
  // last source, which is gone: the pages kept are final as they are.
  for (const page of last.pages) page.removeListeners();
  // The notes pages repeated after the last layout are not the chunker's.
  for (const page of pages()) page.remove();
  template.innerHTML = body;
  forgetMovedBreaks();
  // `flow` parses the new source and would lay it out from its start, once its own pages are gone.
  chunker.pages = [];
  chunker.total = 0;
  chunker.render = (source) => renderChanged(chunker, source, last);
  try {
    await chunker.flow(template.content);
  } finally {
    delete (chunker as Partial<Chunker>).render;
  }
  renumber();
}
