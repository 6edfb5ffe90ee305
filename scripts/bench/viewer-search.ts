/**
 * A PDF viewer's search, as Firefox runs it: pdf.js's own find controller
 * (pdfjs-dist/web), which joins each page's text items, marks the ends of
 * lines, rejoins words hyphenated there and CJK lines, and ignores
 * diacritics unless asked. Used by the text-layer measure and the tests
 * that ask whether a reader can find a word in a PDF.
 *
 * The controller is written for a browser page; it needs only a handful of
 * globals at load time (a style to set, an element to measure, a frame
 * callback), given here.
 */
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

interface FindController {
  setDocument(document: pdfjs.PDFDocumentProxy): void;
  /** Each page's matches of a query, called by the controller for one page after another. */
  match(query: unknown, pageContent: string, pageIndex: number): { index: number; length: number }[] | undefined;
  _pageContents: string[];
  _pageMatches: number[][];
}

interface EventBus {
  dispatch(name: string, details: object): void;
  on(name: string, listener: () => void, options: { once: boolean }): void;
}

interface Viewer {
  EventBus: new () => EventBus;
  PDFFindController: new (options: { linkService: object; eventBus: object; updateMatchesCountOnProgress: boolean }) => FindController;
}

let viewer: Promise<Viewer> | undefined;

function loadViewer(): Promise<Viewer> {
  const scope = globalThis as Record<string, unknown>;
  scope['pdfjsLib'] ??= pdfjs;
  scope['window'] ??= { requestAnimationFrame: (callback: () => void) => setTimeout(callback, 0), addEventListener: () => undefined };
  scope['document'] ??= { documentElement: { style: { setProperty: () => undefined } }, createElement: () => ({ style: {} }) };
  viewer ??= import('pdfjs-dist/legacy/web/pdf_viewer.mjs') as unknown as Promise<Viewer>;
  return viewer;
}

export interface ViewerSearch {
  /** The 1-based pages on which the viewer finds `query` (case and diacritics ignored: Firefox's defaults). */
  pagesOf(query: string): Promise<number[]>;
  /**
   * Whether the viewer finds `query` on some page, as `pagesOf` would say: the
   * pages after one where it is found are not searched, which would not change the answer.
   */
  finds(query: string): Promise<boolean>;
  /** The document as pdf.js opened it for the search. */
  document: pdfjs.PDFDocumentProxy;
  /** Each page's text as the viewer searches it (after a first search). */
  pageTexts(): string[];
  close(): Promise<void>;
}

/** Opens a PDF in pdf.js's find controller; each search goes the way the find bar's does. */
export async function openViewerSearch(bytes: Uint8Array): Promise<ViewerSearch> {
  const { EventBus, PDFFindController } = await loadViewer();
  const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const eventBus = new EventBus();
  // Counted once every page is searched, as the find bar does when it does not count as it goes.
  const controller = new PDFFindController({ linkService: { pagesCount: document.numPages, page: 1 }, eventBus, updateMatchesCountOnProgress: false });
  controller.setDocument(document);
  // The controller's own matching, page by page, dominates the search's time (a regular expression per word
  // and page). `finds` first tries the page the last word was found on (a text's words come in its order),
  // and passes over the other pages once one has a match of the query.
  const match = controller.match.bind(controller);
  type Matches = ReturnType<FindController['match']>;
  let finding: { hint: number; query?: unknown; early?: { page: number; matches: Matches } | undefined } | undefined;
  controller.match = (query, pageContent, pageIndex) => {
    if (finding === undefined) return match(query, pageContent, pageIndex);
    if (finding.query !== query) {
      finding.query = query;
      const hinted = controller._pageContents[finding.hint];
      const matches = pageIndex !== finding.hint && hinted !== undefined ? match(query, hinted, finding.hint) : undefined;
      finding.early = matches !== undefined && matches.length > 0 ? { page: finding.hint, matches } : undefined;
    }
    if (finding.early !== undefined) return pageIndex === finding.early.page ? finding.early.matches : [];
    return controller._pageMatches.some((matches, index) => index !== pageIndex && matches.length > 0) ? [] : match(query, pageContent, pageIndex);
  };
  const pagesOf = async (query: string): Promise<number[]> => {
    const counted = new Promise<void>((resolve) => eventBus.on('updatefindmatchescount', resolve, { once: true }));
    eventBus.dispatch('find', { source: null, type: 'again', query, caseSensitive: false, entireWord: false, highlightAll: false, findPrevious: false, matchDiacritics: false });
    await counted;
    return controller._pageMatches.flatMap((matches, index) => (matches.length > 0 ? [index + 1] : []));
  };
  let hint = 0;
  const finds = async (query: string): Promise<boolean> => {
    finding = { hint };
    let pages: number[];
    let early: boolean;
    try {
      pages = await pagesOf(query);
      early = finding.early !== undefined;
    } finally {
      finding = undefined;
    }
    if (pages.length === 0 && early) {
      // The hinted page matched, yet kept no match once mapped back to the page's text: every page is searched
      // (after another query, since the controller does not search the same query again).
      await pagesOf(`${query} ${query}`);
      pages = await pagesOf(query);
    }
    hint = pages.length > 0 ? (pages[0] as number) - 1 : hint;
    return pages.length > 0;
  };
  return { pagesOf, finds, document, pageTexts: () => [...controller._pageContents], close: () => document.destroy() };
}
