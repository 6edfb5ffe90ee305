/**
 * The few parts of Paged.js 0.4.3 (loaded into the page before our bundle)
 * that the in-page code uses, typed from its source (src/modules/handler.js,
 * src/chunker/chunker.js, src/chunker/page.js).
 */

/** A laid-out page as the chunker keeps it. */
export interface PagedPage {
  element: HTMLElement;
  /** The page content box the text is laid out in, and the wrapper inside it. */
  area: HTMLElement;
  wrapper: HTMLElement;
  footnotesArea: HTMLElement;
  /** The layout that filled the page (src/chunker/layout.js). */
  layoutMethod?: Layout;
  /** Where in the source the page's text begins, and where the next page's does (none after the last). */
  startToken?: BreakToken | undefined;
  endToken?: BreakToken | undefined;
  /** Takes the page out of the document, with the observers Paged.js set on it. */
  destroy(): void;
  /** Stops the observers Paged.js set on the page to lay it out again when its size changes. */
  removeListeners(): void;
}

/** A box like a DOMRect, for the layout's overflow search. */
export interface Bounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface Layout {
  /**
   * The break token where the rendered content overflows `bounds`; with
   * `extract`, the overflowing content is removed from the page.
   */
  findBreakToken(
    rendered: HTMLElement,
    source: DocumentFragment,
    bounds?: Bounds,
    previous?: BreakToken,
    extract?: boolean,
  ): BreakToken | undefined;
  /** The break token (in `source`) where `overflow` starts in the rendered page. */
  createBreakToken(overflow: Range, rendered: HTMLElement, source: DocumentFragment): BreakToken | undefined;
  hooks: { afterOverflowRemoved: { trigger(removed: DocumentFragment, rendered: HTMLElement, layout: Layout): unknown } };
}

/** Where the next page starts in the source. */
export interface BreakToken {
  node: Node;
  offset: number;
}

export interface Chunker {
  pages: PagedPage[];
  /** How many pages there are, as Paged.js counts them when it adds one. */
  total: number;
  /** The element the pages are laid out into. */
  pagesArea: HTMLElement;
  /** Lays the source out page by page from `start`, yielding where each page ends. */
  layout(source: DocumentFragment, start: BreakToken | undefined): AsyncGenerator<BreakToken | undefined, unknown>;
  /** Lays the parsed source out from `start` (flow's last step): replaced while the preview keeps pages. */
  render(source: DocumentFragment, start: BreakToken | undefined): Promise<{ done?: boolean; canceled?: boolean }>;
  /** The parsed content being laid out. */
  source: DocumentFragment;
  settings: Record<string, unknown>;
  clonePage(page: PagedPage): void;
  /** Lays `content` out from its start, in place of the pages laid out before. */
  flow(content: DocumentFragment): Promise<unknown>;
}

/** What a handler may implement; Paged.js calls each hook it finds by name. */
export interface Handler {
  beforeParsed?(content: DocumentFragment): void;
  afterParsed?(parsed: DocumentFragment): void;
  beforePageLayout?(page: PagedPage): void;
  /** The overflow Paged.js found at the page's foot; a range returned takes its place. */
  onOverflow?(overflow: Range | undefined, rendered: HTMLElement): Range | undefined;
  /** After the overflow is taken off the page. */
  afterOverflowRemoved?(removed: DocumentFragment, rendered: HTMLElement): void;
  afterPageLayout?(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined, chunker: Chunker): void;
  afterRendered?(pages: PagedPage[]): void;
}

export type HandlerClass = new (chunker: Chunker, polisher: unknown, caller: unknown) => Handler;

export interface PagedGlobal {
  Handler: HandlerClass;
  /** Every handler class, Paged.js's own first. */
  registeredHandlers: HandlerClass[];
  registerHandlers(...handlers: HandlerClass[]): void;
}

declare global {
  interface Window {
    Paged: PagedGlobal;
    PagedPolyfill: { preview(): Promise<unknown>; chunker: Chunker };
  }
}
