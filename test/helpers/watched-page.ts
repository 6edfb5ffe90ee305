import type { Browser, Page } from 'puppeteer-core';

export interface WatchedPage {
  page: Page;
  /** Every URL the page asked for, whatever its scheme. */
  requests: string[];
  /** Uncaught errors and console errors. */
  errors: string[];
}

/**
 * A new tab that logs every request it makes (interception sees all schemes;
 * each request is logged, then let through) and every script or console
 * error, for tests that open a page as a reader would.
 */
export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    requests.push(request.url());
    void request.continue();
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return { page, requests, errors };
}
