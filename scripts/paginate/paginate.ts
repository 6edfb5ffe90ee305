import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { ZineError } from '../util/errors.ts';
import { inPageScript } from './in-page-bundle.ts';
import { parseLayoutReport, type LayoutReport } from './layout-report.ts';

const require = createRequire(import.meta.url);
// pagedjs's package.json does not export its dist folder: find it beside the package's main file.
const PAGED_JS = join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

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
  /** The document as messages name it. Default: the HTML file. */
  name?: string;
  /** Milliseconds the layout may take. Default: `layoutTimeLimit` of the HTML's size. */
  timeLimit?: number;
}

/**
 * How long a layout may take before it is given up: 30 s, and a second more
 * for every 2,000 characters of HTML (the essay: about a minute; 120 pages
 * with 1,500 notes: several). A layout that runs away ends with an error.
 */
export function layoutTimeLimit(htmlLength: number): number {
  return 30_000 + Math.ceil(htmlLength / 2_000) * 1_000;
}

/** `work`, or a ZineError once `ms` have passed. */
async function within<T>(ms: number, work: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ZineError(message)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Only the build's own files may load: nothing from the network, nothing else on disk. */
async function allowOnly(page: Page, allowedDir: string): Promise<string[]> {
  const refused: string[] = [];
  const allowedPrefix = pathToFileURL(allowedDir).href + '/';
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(allowedPrefix) || url.startsWith('data:')) void request.continue();
    else {
      refused.push(url);
      void request.abort('blockedbyclient');
    }
  });
  return refused;
}

/**
 * Lays the HTML out into pages with Paged.js inside the build's browser, and
 * leaves the tab open on the laid-out pages for printing. The caller closes it.
 */
export async function paginate(options: PaginateOptions): Promise<{ page: Page; report: LayoutReport }> {
  const page = await options.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
  const refused = await allowOnly(page, options.allowedDir);

  await page.goto(pathToFileURL(options.htmlPath).href, { waitUntil: 'load' });
  const [paged, ours] = await Promise.all([readFile(PAGED_JS, 'utf8'), inPageScript()]);
  // Evaluated rather than added as <script> tags: the document's CSP forbids scripts.
  // A word broken across pages gets a plain hyphen: Paged.js's default U+2011
  // is missing from the bundled fonts and would fall back to a system font.
  await page.evaluate("window.PagedConfig = { auto: false, settings: { hyphenGlyph: '-' } };");
  await page.evaluate(paged);
  await page.evaluate(ours);
  const settings = JSON.stringify({ notes: options.notesPages ?? true });
  const limit = options.timeLimit ?? layoutTimeLimit((await stat(options.htmlPath)).size);
  const name = options.name ?? options.htmlPath;
  let result: unknown;
  try {
    result = await within(
      limit,
      page.evaluate(`window.zinepress.paginate(${settings})`),
      `${name}: the layout took longer than ${Math.round(limit / 1000)} s and was stopped; ` +
        'look for something that cannot be broken across lines or pages (a very long word, title, table or list)',
    );
  } catch (error) {
    // The tab may still be busy laying out: close it without waiting for it.
    page.close().catch(() => undefined);
    throw error;
  }
  const report = parseLayoutReport(result);

  if (errors.length > 0) throw new ZineError(`layout failed in the browser: ${errors.join('; ')}`);
  if (refused.length > 0) throw new ZineError(`the page asked for files outside the build: ${refused.join(', ')}`);
  return { page, report };
}
