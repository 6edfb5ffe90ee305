import { readFile } from 'node:fs/promises';
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
  const report = parseLayoutReport(await page.evaluate(`window.zinepress.paginate(${settings})`));

  if (errors.length > 0) throw new ZineError(`layout failed in the browser: ${errors.join('; ')}`);
  if (refused.length > 0) throw new ZineError(`the page asked for files outside the build: ${refused.join(', ')}`);
  return { page, report };
}
