/**
 * Draws thumbnails of PDF pages in a few tabs kept open for the whole build,
 * so that a PDF is drawn as soon as it is made, while other layouts still run.
 * A PDF is cut into runs of pages, and each idle tab takes the next run: one
 * long PDF is drawn on every core, and no run waits behind a whole other PDF.
 */
import { PDFDocument } from 'pdf-lib';
import type { Browser } from 'puppeteer-core';
import type { Limiter } from '../util/concurrency.ts';
import { openDrawTab, type DrawTab, type Under } from './draw-tab.ts';

export interface DrawerOptions {
  /** The browser to draw in (the build's; it may still be starting). */
  browser: Browser | Promise<Browser>;
  /** Tabs drawing side by side, all opened together. Default 1. */
  tabs?: number;
  /** A gate shared with other work, taken for each run of pages (the build's per-core limiter). Default none. */
  limit?: Limiter;
  /** Pages a tab draws in one go. Default 4. */
  run?: number;
}

export interface ThumbnailDrawer {
  /** Opens the tabs now, ahead of the first drawing (they open at the first drawing otherwise). */
  warm(): void;
  /**
   * A PNG of every page of `pdf`, each `width` pixels wide (the height
   * follows the page); with `under`, each page drawn over its images (see DrawTab).
   */
  draw(pdf: Uint8Array, width: number, under?: Under[]): Promise<Uint8Array[]>;
  /** Closes the tabs, once every drawing asked for has ended. */
  close(): Promise<void>;
}

export function createThumbnailDrawer(options: DrawerOptions): ThumbnailDrawer {
  const { browser, tabs = 1, limit = (task) => task(), run = 4 } = options;
  const pdfs = new Map<string, Uint8Array>();
  const drawing = new Set<Promise<unknown>>();
  let next = 0;
  // The tab pool: idle tabs, and the runs waiting for one.
  let opened: Promise<DrawTab>[] | undefined;
  let allFailed: Promise<never> | undefined;
  const idle: DrawTab[] = [];
  const waiting: ((tab: DrawTab) => void)[] = [];
  const release = (tab: DrawTab) => {
    const waiter = waiting.shift();
    if (waiter) waiter(tab);
    else idle.push(tab);
  };

  function open(): void {
    opened ??= Array.from({ length: tabs }, async () => {
      const tab = await openDrawTab(await browser, (id) => pdfs.get(id));
      release(tab);
      return tab;
    });
    // Drawing waits for the first tab up; it fails only if none opens.
    allFailed ??= Promise.allSettled(opened).then((results) => {
      const failure = results.find((result) => result.status === 'rejected');
      if (failure === undefined || results.some((result) => result.status === 'fulfilled')) return new Promise<never>(() => undefined);
      throw failure.reason;
    });
    allFailed.catch(() => undefined); // seen by the runs that wait; a failure no run waits for is no one's
  }

  /** Runs `task` in a tab of its own, inside the shared gate. */
  const withTab = <T>(task: (tab: DrawTab) => Promise<T>) =>
    limit(async () => {
      open();
      const tab = idle.pop() ?? (await Promise.race([new Promise<DrawTab>((resolve) => waiting.push(resolve)), allFailed as Promise<never>]));
      try {
        return await task(tab);
      } finally {
        release(tab);
      }
    });

  async function draw(pdf: Uint8Array, width: number, under: Under[] | undefined): Promise<Uint8Array[]> {
    const id = String(next++);
    pdfs.set(id, pdf);
    try {
      const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
      const runs = Array.from({ length: Math.ceil(pages / run) }, (_, i) => [i * run + 1, Math.min(pages, (i + 1) * run)] as const);
      const used = new Set<DrawTab>();
      const drawn = await Promise.all(
        runs.map(([from, to]) =>
          withTab((tab) => {
            used.add(tab);
            return tab.draw(id, width, from, to, under?.slice(from - 1, to));
          }),
        ),
      );
      await Promise.all([...used].map((tab) => tab.forget(id)));
      return drawn.flat();
    } finally {
      pdfs.delete(id);
    }
  }

  return {
    warm: open,
    draw(pdf, width, under) {
      const promise = draw(pdf, width, under);
      const settled = promise.catch(() => undefined);
      drawing.add(settled);
      void settled.then(() => drawing.delete(settled));
      return promise;
    },
    async close() {
      await Promise.all(drawing);
      if (opened === undefined) return;
      const tabs = await Promise.allSettled(opened);
      await Promise.all(tabs.map((tab) => (tab.status === 'fulfilled' ? tab.value.close().catch(() => undefined) : undefined)));
    },
  };
}
