import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { LAYOUT_TIME_CAP } from '../config/limits.ts';
import { ZineError } from '../util/errors.ts';
import { ownPage } from '../util/own-page.ts';
import { mark } from '../util/timeline.ts';
import type { EarlierBreak } from './in-page/earlier-break.ts';
import { UNSHOWN } from './in-page/unpainted.ts';
import { inPageScript } from './in-page-bundle.ts';
import { pagedJsScript, type PagedJsVariant } from './pagedjs/patch.ts';
import { parseLayoutReport, parsePreflightPart, type LayoutReport, type PreflightPart } from './layout-report.ts';
import { browserAnswers } from '../browser/browser-errors.ts';
import { stopBrowser } from '../browser/browser.ts';
import { stoppedDocument, watchdog, type Watchdog } from './watchdog.ts';

export type { LayoutReport } from './layout-report.ts';

export interface PaginateOptions {
  /** The one browser of the build. */
  browser: Browser;
  /** The HTML file to lay out; it and the files beside it are all the page may load. */
  htmlPath: string;
  /** Folder the page may read from (the staging folder of this document). */
  allowedDir: string;
  /** Add "notes" pages before the back matter to make the page count a multiple of 4. Default: true. */
  notesPages?: boolean;
  /** Look for what a photocopy loses (in-page/preflight.ts) into the report. Default: false. */
  preflight?: boolean;
  /** Measure the running text's shape (in-page/running-text.ts) into the report, for the mini zine's size search. Default: false. */
  runningText?: boolean;
  /** Pages to end a line or more earlier than Paged.js breaks them (in-page/earlier-break.ts). Default: none. */
  earlierBreaks?: readonly EarlierBreak[];
  /** The document as messages name it. Default: the HTML file. */
  name?: string;
  /** Milliseconds the layout may take. Default: `layoutTimeLimit` of the HTML's size. */
  timeLimit?: number;
  /** Milliseconds the layout may go without finishing a page. Default: STALL_LIMIT (watchdog.ts). */
  stallLimit?: number;
  /** Paged.js with the project's patches (pagedjs/patches.ts), or stock 0.4.3 to compare with. Default: 'patched'. */
  pagedJs?: PagedJsVariant;
  /** Told once Paged.js begins to lay the pages out, when the tab works by itself for a while. Default: none. */
  onBegun?: () => void;
}

/**
 * How long a layout may take in all before it is given up: 30 s, and a second
 * more for every 2,000 characters of HTML (the essay: about a minute; 120 pages
 * with 1,500 notes: several), but never more than LAYOUT_TIME_CAP (ten
 * minutes), whatever the document's size. Within it, a layout that finishes no
 * page for STALL_LIMIT is stopped sooner (watchdog.ts).
 */
export function layoutTimeLimit(htmlLength: number): number {
  return Math.min(30_000 + Math.ceil(htmlLength / 2_000) * 1_000, LAYOUT_TIME_CAP);
}

/**
 * Only the build's own files may load: nothing from the network, nothing
 * else on disk. The document itself comes with its body undisplayed
 * (`withBodyUnshown`).
 */
async function allowOnly(page: Page, allowedDir: string, htmlPath: string): Promise<string[]> {
  const refused: string[] = [];
  const allowedPrefix = pathToFileURL(allowedDir).href + '/';
  const documentUrl = pathToFileURL(htmlPath).href;
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url === documentUrl) void respondUnshown(request, htmlPath);
    else if (url.startsWith(allowedPrefix) || url.startsWith('data:')) void request.continue();
    else {
      refused.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return refused;
}

/**
 * The HTML with its body not displayed until Paged.js takes it (the in-page
 * code removes the style, in-page/unpainted.ts). Loaded as it is, the whole
 * text would be laid out once as one long page, for nothing: 0.35–0.6 s on
 * the essay ×20. The file itself stays as it is, for a reader to open.
 */
export function withBodyUnshown(html: string): string {
  const style = `<style id="${UNSHOWN}" data-pagedjs-ignore>body { display: none; }</style>`;
  const head = html.indexOf('</head>');
  return head === -1 ? html : html.slice(0, head) + style + html.slice(head);
}

async function respondUnshown(request: HTTPRequest, htmlPath: string): Promise<void> {
  const html = await readFile(htmlPath, 'utf8').catch(() => undefined);
  // Unread here, it is read by the browser as it is (and fails there, if it must).
  if (html === undefined) return request.continue();
  return request.respond({ contentType: 'text/html; charset=utf-8', body: withBodyUnshown(html) });
}

/**
 * Lays the HTML out into pages with Paged.js inside the build's browser, and
 * leaves the tab open on the laid-out pages for printing. The caller closes it.
 */
export async function paginate(options: PaginateOptions): Promise<{ page: Page; report: LayoutReport }> {
  // Never in a tab that a later one could hide: Paged.js would wait forever.
  const page = await ownPage(options.browser);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const refused = await allowOnly(page, options.allowedDir, options.htmlPath);

  const cap = options.timeLimit ?? layoutTimeLimit((await stat(options.htmlPath)).size);
  const guard = watchdog({ name: options.name ?? options.htmlPath, cap, stall: options.stallLimit });
  await watchProgress(page, guard);
  const settings = inPageSettings(options);
  const layOut = async (): Promise<unknown> => {
    // Loading is watched too: Chromium sets the whole text on screen first, and
    // a paragraph of a megabyte takes it longer than the stall limit.
    mark('layout: page loading');
    await page.goto(pathToFileURL(options.htmlPath).href, { waitUntil: 'load' });
    mark('layout: page loaded');
    const [paged, ours] = await Promise.all([pagedJsScript(options.pagedJs ?? 'patched'), inPageScript()]);
    // Evaluated rather than added as <script> tags: the document's CSP forbids scripts.
    // A word broken across pages gets a plain hyphen: Paged.js's default U+2011
    // is missing from the bundled fonts and would fall back to a system font.
    await page.evaluate("window.PagedConfig = { auto: false, settings: { hyphenGlyph: '-' } };");
    await page.evaluate(paged);
    guard.progress(0);
    await page.evaluate(ours);
    mark('layout: Paged.js begins');
    const laidOut = page.evaluate(`window.zinepress.paginate(${settings})`).finally(() => mark('layout: Paged.js ends, report read'));
    // Told once this turn of the event loop is over, by which the evaluation has been sent to the tab.
    if (options.onBegun !== undefined) setImmediate(options.onBegun);
    return laidOut;
  };
  problems.set(page, { errors, refused });
  return { page, report: await finished(page, guard.guard(layOut())) };
}

/** What a tab laid out by `paginate` met: script errors and files refused. */
const problems = new WeakMap<Page, { errors: string[]; refused: string[] }>();
/** The watchdog of the layout under way in a tab: the page tells it of each page finished. */
const watching = new WeakMap<Page, Watchdog>();

async function watchProgress(page: Page, guard: Watchdog): Promise<void> {
  if (!watching.has(page)) await page.exposeFunction('zinepressProgress', (pages: number) => watching.get(page)?.progress(pages));
  watching.set(page, guard);
}

interface SettingsOptions {
  notesPages?: boolean | undefined;
  preflight?: boolean | undefined;
  runningText?: boolean | undefined;
  earlierBreaks?: readonly EarlierBreak[] | undefined;
}

const inPageSettings = (options: SettingsOptions): string =>
  JSON.stringify({ notes: options.notesPages ?? true, preflight: options.preflight ?? false, runningText: options.runningText ?? false, earlierBreaks: options.earlierBreaks ?? [] });

/**
 * The report of a layout once it ends, checked. A layout that failed closes
 * its tab, which is never laid out in again: its script errors and refused
 * files would otherwise fail every layout after them.
 */
async function finished(page: Page, layout: Promise<unknown>): Promise<LayoutReport> {
  try {
    const report = parseLayoutReport(await layout);
    const { errors = [], refused = [] } = problems.get(page) ?? {};
    if (errors.length > 0) throw new ZineError(`layout failed in the browser: ${errors.join('; ')}`);
    if (refused.length > 0) throw new ZineError(`the page asked for files outside the build: ${refused.join(', ')}`);
    return report;
  } catch (error) {
    // The tab may still be busy laying out: close it without waiting for it.
    page.close().catch(() => undefined);
    // A layout that stopped finishing pages may be a browser that stopped answering at all: said as such.
    const document = stoppedDocument(error);
    if (document !== undefined && !(await browserAnswers(page.browser()))) {
      stopBrowser(page.browser());
      throw new ZineError(`${document}: the browser stopped answering while it laid out the document (stopped from outside, or out of memory), and the build was given up`, { cause: error });
    }
    throw error;
  }
}

/**
 * The photocopy preflight of a tab's pages as they are laid out now, on its
 * own: the preview takes it once the pages are shown.
 */
export async function preflightOf(page: Page): Promise<PreflightPart> {
  return parsePreflightPart(await page.evaluate(() => window.zinepress.preflight()));
}

export interface RelayoutOptions {
  /** A tab laid out by `paginate`, from HTML whose head was the same as this version's. */
  page: Page;
  /** The new version's body (the inside of its `<body>`). */
  body: string;
  /** The document as messages name it. */
  name: string;
  /** As for paginate, and the same as the tab was first laid out with. */
  notesPages?: boolean;
  preflight?: boolean;
  runningText?: boolean;
  /** Milliseconds the layout may take. Default: `layoutTimeLimit` of the body's size. */
  timeLimit?: number;
  stallLimit?: number;
}

/**
 * Lays a new version of a document out in the tab that laid out the one
 * before, with the same head (styles, fonts, page size): Paged.js has read
 * the styles and the fonts are loaded, so only the text is set again. Bounded
 * in time and checked like `paginate`; a failed layout closes the tab.
 */
export async function relayout(options: RelayoutOptions): Promise<LayoutReport> {
  const { page } = options;
  const cap = options.timeLimit ?? layoutTimeLimit(options.body.length);
  const guard = watchdog({ name: options.name, cap, stall: options.stallLimit });
  await watchProgress(page, guard);
  const settings = inPageSettings(options);
  const call = page.evaluate((json, body) => window.zinepress.relayout(JSON.parse(json) as object, body), settings, options.body);
  return finished(page, guard.guard(call));
}
