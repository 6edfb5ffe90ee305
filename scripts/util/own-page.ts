import type { Browser, Page } from 'puppeteer-core';

/**
 * A page of the browser in a browser context of its own, and so in a window
 * no other page opens into. A tab is hidden as soon as another opens beside
 * it, and a hidden page gets no animation frames, on which Paged.js (between
 * steps) and pdf.js (between drawing steps) wait: work started in a tab before
 * another opened would stop until that one closed. The context goes with the page.
 *
 * Opening a tab starts a renderer process, a good part of a second on a
 * busy machine: a browser given spares (`keepSpareTabs`) opens them while
 * the markdown is read, and hands them out. The first spare is the tab the
 * browser starts with, alone in its window.
 */
export async function ownPage(browser: Browser): Promise<Page> {
  const spare = sparesOf.get(browser)?.shift();
  const page = await spare?.catch(() => undefined);
  if (page && !page.isClosed()) return page;
  return openPage(browser);
}

/** Spare tabs of a browser, opening or open. */
const sparesOf = new WeakMap<Browser, Promise<Page>[]>();

/**
 * Opens `count` tabs ahead, for `ownPage` to hand out; they close with the
 * browser. No more are opened once they are handed out: a tab opened and not
 * used would take the cores from the layouts.
 */
export function keepSpareTabs(browser: Browser, count: number): void {
  const initial = count > 0 ? [startingTab(browser)] : [];
  sparesOf.set(browser, [...initial, ...Array.from({ length: Math.max(0, count - 1) }, () => spareTab(browser))]);
}

/** The tab the browser opened as it started, if it is still the only one of the default context. */
async function startingTab(browser: Browser): Promise<Page> {
  const pages = await browser.defaultBrowserContext().pages();
  const [page] = pages;
  if (pages.length === 1 && page && page.url() === 'about:blank') return page;
  return openPage(browser);
}

function spareTab(browser: Browser): Promise<Page> {
  const opening = openPage(browser);
  opening.catch(() => undefined); // a spare that failed to open is passed over when asked for
  return opening;
}

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  } catch (error) {
    await context.close().catch(() => undefined);
    throw error;
  }
}
