/**
 * The preview keeps the tab of its last layout open. A new version whose
 * head is the same (styles, fonts, page size, language: all but the text) is
 * laid out again in it, where Paged.js has read the styles and the fonts are
 * loaded; any other opens a tab of its own.
 */
import type { Browser, Page } from 'puppeteer-core';
import type { Layout } from '../formats/lay-out.ts';
import { paginate, relayout } from '../paginate/paginate.ts';

export interface WarmTab {
  page: Page;
  /** The HTML the tab was laid out from, but for its body's content. */
  head: string;
}

/** An HTML document's body content, and the rest of it. */
export function splitBody(html: string): { head: string; body: string } {
  const open = /<body[^>]*>/i.exec(html);
  const close = html.lastIndexOf('</body>');
  if (!open || close < open.index) return { head: html, body: '' };
  const start = open.index + open[0].length;
  return { head: html.slice(0, start) + html.slice(close), body: html.slice(start, close) };
}

export interface WarmLayoutOptions {
  browser: Browser;
  /** The tab of the last layout; closed here when it cannot serve this one. */
  tab: WarmTab | undefined;
  /** This version's HTML, and where it is written when a new tab must load it. */
  html: string;
  write: () => Promise<string>;
  /** The folder the tab may read from. */
  dir: string;
  /** The source, as messages name it. */
  name: string;
  /** Run the photocopy preflight (see paginate). Default: false. */
  preflight?: boolean;
}

/** Lays the HTML out, in the warm tab where it can; the layout's tab is the next warm one. */
export async function layOutWarm(options: WarmLayoutOptions): Promise<{ layout: Layout; tab: WarmTab }> {
  const { html, tab } = options;
  const { head, body } = splitBody(html);
  if (tab && tab.head === head && !tab.page.isClosed()) {
    const report = await relayout({ page: tab.page, body, name: options.name, preflight: options.preflight ?? false });
    return { layout: { page: tab.page, report, html, trim: 'reading', edition: 'standard' }, tab };
  }
  await tab?.page.close().catch(() => undefined);
  const htmlPath = await options.write();
  const { page, report } = await paginate({ browser: options.browser, htmlPath, allowedDir: options.dir, name: options.name, preflight: options.preflight ?? false });
  return { layout: { page, report, html, trim: 'reading', edition: 'standard' }, tab: { page, head } };
}
