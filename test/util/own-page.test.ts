/**
 * Tabs for layouts: each alone in its window (so none hides another and
 * stops its animation frames), and, when the build keeps spares, the first
 * ones handed out are the tabs opened ahead: the one the browser started
 * with, then tabs in windows of their own.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { keepSpareTabs, ownPage } from '../../scripts/util/own-page.ts';

let browser: Promise<Browser>;
beforeAll(() => {
  browser = launchBrowser();
});
afterAll(async () => {
  await closeBrowser(browser);
});

/** Whether a tab gets animation frames, which a hidden tab does not. */
const framesRun = (page: Page) =>
  page.evaluate(`new Promise((resolve) => {
    requestAnimationFrame(() => resolve(true));
    setTimeout(() => resolve(false), 2000);
  })`);

describe('ownPage', () => {
  it('hands out the starting tab and the spares first, then opens new tabs, each alone in its window', async () => {
    const started = await browser;
    const [starting] = await started.pages();
    keepSpareTabs(started, 3);
    // Let the spares open, as they do while the markdown is read.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const opened = (await started.pages()).filter((page) => page !== starting);
    expect(opened).toHaveLength(2);
    const pages = [await ownPage(started), await ownPage(started), await ownPage(started), await ownPage(started)];
    expect(pages[0]).toBe(starting);
    expect(opened).toContain(pages[1]);
    expect(opened).toContain(pages[2]);
    expect(opened).not.toContain(pages[3]);
    expect(new Set(await Promise.all(pages.map((page) => page.windowId()))).size).toBe(4);
    for (const page of pages) {
      expect(page.isClosed()).toBe(false);
      expect(await framesRun(page)).toBe(true);
    }
    // None is opened once the spares are handed out; closing a tab closes its window.
    await Promise.all(pages.slice(1).map((page) => page.close()));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await started.pages()).toEqual([starting]);
  }, 60_000);
});
