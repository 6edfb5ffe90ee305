import type { Browser, Page } from 'puppeteer-core';

/**
 * A page of the browser in a browser context of its own, and so in a window
 * no other page opens into. A tab is hidden as soon as another opens beside
 * it, and a hidden page gets no animation frames, on which Paged.js (between
 * steps) and pdf.js (between drawing steps) wait: work started in a tab before
 * another opened would stop until that one closed. The context goes with the page.
 */
export async function ownPage(browser: Browser): Promise<Page> {
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
