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
 * the markdown is read, and hands them out.
 */
export async function ownPage(browser: Browser): Promise<Page> {
  const spares = sparesOf.get(browser);
  const spare = spares?.shift();
  if (spares && spare) {
    // One spare is kept ready for the next layout or drawing, not more: opening tabs takes the cores too.
    if (spares.length === 0) spares.push(spareTab(browser));
    const page = await spare.catch(() => undefined);
    if (page && !page.isClosed()) return page;
  }
  return openPage(browser);
}

/** Spare tabs of a browser, opening or open. */
const sparesOf = new WeakMap<Browser, Promise<Page>[]>();

/** Opens `count` tabs ahead, for `ownPage` to hand out; they close with the browser. */
export function keepSpareTabs(browser: Browser, count: number): void {
  sparesOf.set(browser, Array.from({ length: count }, () => spareTab(browser)));
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
