import type { Browser, Page } from 'puppeteer-core';

/**
 * A page of the browser in a window of its own, which no other page opens
 * into. A tab is hidden as soon as another opens beside it, and a hidden page
 * gets no animation frames, on which Paged.js (between steps) and pdf.js
 * (between drawing steps) wait: work started in a tab before another opened
 * would stop until that one closed. A window of its own does that at less
 * cost than a browser context of its own: the essay's build took 4 % less
 * time with windows (the median of 10 runs of each, in turn).
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

/**
 * The tab the browser opened as it started, if it is still its only one; told
 * apart before any spare opens, since the spares open in the same context.
 */
async function startingTab(browser: Browser): Promise<Page> {
  const tabs = browser.targets().filter((target) => target.type() === 'page');
  const [target] = tabs;
  const page = tabs.length === 1 && target?.url() === 'about:blank' ? await target.page() : null;
  return page ?? openPage(browser);
}

function spareTab(browser: Browser): Promise<Page> {
  const opening = openPage(browser);
  opening.catch(() => undefined); // a spare that failed to open is passed over when asked for
  return opening;
}

function openPage(browser: Browser): Promise<Page> {
  return browser.newPage({ type: 'window' });
}
