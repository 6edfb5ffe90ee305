/**
 * How often a layout sets the rest of a paragraph split at a page's foot
 * under the page to count its lines (in-page/split-rest.ts `linesLeft`):
 * each time is a forced layout of the page, and another for the next read.
 */
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { paginate } from '../../scripts/paginate/paginate.ts';
import { keepSpareTabs } from '../../scripts/util/own-page.ts';
import { ESSAY } from '../helpers/paginating-fixtures.ts';
import { sharedReadings } from '../helpers/shared-builds.ts';

/** A copy of the rest set under a page: the page it was set on (in the order laid out) and how many lines it made. */
interface Probe {
  page: number;
  lines: number;
}

/**
 * Run in the tab before its document: every element marked as the rest of a
 * split block that is set after a block of a page and taken out again is
 * written down with the lines it made, counted as linesLeft counts them.
 */
function watchProbes(): void {
  const probes: Probe[] = [];
  const set = new WeakMap<Element, number>();
  const after = Element.prototype.after;
  const remove = Element.prototype.remove;
  Element.prototype.after = function (this: Element, ...nodes: (Node | string)[]) {
    const page = this.closest('.pagedjs_page');
    for (const node of nodes) {
      if (page && node instanceof Element && node.hasAttribute('data-split-from')) set.set(node, [...document.querySelectorAll('.pagedjs_page')].indexOf(page));
    }
    after.apply(this, nodes);
  };
  Element.prototype.remove = function (this: Element) {
    const page = set.get(this);
    if (page !== undefined) {
      const range = document.createRange();
      range.selectNodeContents(this);
      const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
      probes.push({ page, lines: tops.size });
    }
    remove.call(this);
  };
  (window as unknown as { zinepressProbes: Probe[] }).zinepressProbes = probes;
}

let browser: Browser;
let essay: { html: string; dir: string };

beforeAll(async () => {
  const [reading] = await sharedReadings({ sources: [ESSAY] });
  if (!reading) throw new Error('the essay was not built');
  essay = reading;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  if (browser) await closeBrowser(Promise.resolve(browser));
});

describe('the rest of a paragraph split at the foot', () => {
  it('is set once on a page where it makes two lines or more, however many breaks the page weighs', async () => {
    // The tab paginate lays out in: the browser's first, handed out as a spare.
    const [first] = browser.targets().filter((target) => target.type() === 'page');
    const tab = await first?.page();
    if (!tab) throw new Error('no first tab');
    await tab.evaluateOnNewDocument(watchProbes);
    keepSpareTabs(browser, 1);
    const { page } = await paginate({ browser, htmlPath: essay.html, allowedDir: essay.dir });
    expect(page).toBe(tab);
    const probes = await page.evaluate(() => (window as unknown as { zinepressProbes: Probe[] }).zinepressProbes);
    await page.close();
    const byPage = new Map<number, Probe[]>();
    for (const probe of probes) byPage.set(probe.page, [...(byPage.get(probe.page) ?? []), probe]);
    // The essay's page 5 ends inside a paragraph whose rest makes 3 lines; fitted to its notes,
    // its break moves back, and the page is fitted again.
    expect(probes.length).toBeGreaterThan(0);
    const setAgain = [...byPage].filter(([, each]) => (each[0]?.lines ?? 0) >= 2 && each.length > 1).map(([number, each]) => `page ${number + 1}: ${each.map((probe) => probe.lines).join(', ')} lines`);
    expect(setAgain).toEqual([]);
  }, 120_000);
});
