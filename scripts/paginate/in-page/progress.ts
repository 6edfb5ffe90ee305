import type { BreakToken, Chunker, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

declare global {
  interface Window {
    /** Set by scripts/paginate/paginate.ts: hears of every finished page, so a layout that stalls can be stopped. */
    zinepressProgress?: (pages: number) => Promise<void>;
  }
}

/** Tells Node the layout moved on: `pages` are finished. */
export function tellProgress(pages: number): void {
  void window.zinepressProgress?.(pages).catch(() => undefined);
}

/** Tells Node of every page finished, and of the end of the layout. */
export function reportProgress(paged: PagedGlobal): HandlerClass {
  const tell = tellProgress;
  return class ReportProgress extends paged.Handler {
    override afterPageLayout(_element: HTMLElement, _page: PagedPage, _token: BreakToken | undefined, chunker: Chunker): void {
      tell(chunker.pages.length);
    }

    override afterRendered(pages: PagedPage[]): void {
      tell(pages.length);
    }
  };
}
