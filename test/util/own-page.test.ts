/**
 * Tabs for layouts: each in a window of its own (so none hides another and
 * stops its animation frames), and, when the build keeps spares, the first
 * ones handed out are the tabs opened ahead.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/render/browser.ts';
import { keepSpareTabs, ownPage } from '../../scripts/util/own-page.ts';

let browser: Promise<Browser>;
beforeAll(() => {
  browser = launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

/** Whether a tab gets animation frames, which a hidden tab does not. */
const framesRun = (page: Awaited<ReturnType<typeof ownPage>>) =>
  page.evaluate(() => new Promise<boolean>((resolve) => {
    requestAnimationFrame(() => resolve(true));
    setTimeout(() => resolve(false), 2000);
  }));

describe('ownPage', () => {
  it('hands out the spare tabs first, then opens new ones, each in a context of its own', async () => {
    const started = await browser;
    keepSpareTabs(started, 2);
    // Let the spares open, as they do while the markdown is read.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const opened = started.browserContexts().filter((context) => context !== started.defaultBrowserContext());
    expect(opened).toHaveLength(2);
    const pages = [await ownPage(started), await ownPage(started), await ownPage(started)];
    expect(opened).toContain(pages[0]?.browserContext());
    expect(opened).toContain(pages[1]?.browserContext());
    expect(new Set(pages.map((page) => page.browserContext())).size).toBe(3);
    for (const page of pages) {
      expect(page.isClosed()).toBe(false);
      expect(await framesRun(page)).toBe(true);
    }
    // Closing a tab closes its context; one spare is left open for the next layout.
    await Promise.all(pages.map((page) => page.close()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(started.browserContexts().length - 1).toBe(1);
  }, 60_000);
});
