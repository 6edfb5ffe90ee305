/**
 * Draws thumbnails of PDF pages in tabs kept open for the whole build, so
 * that a PDF is drawn as soon as it is made, while other layouts still run,
 * and pdf.js is loaded once. A PDF is cut into runs of pages, and each idle
 * tab takes the next run: no run waits behind a whole other PDF, and a long
 * PDF is drawn in more than one tab. Each run takes its turn at the shared
 * gate (the build's per-core limiter) once it has a tab, so that a run never
 * holds a core while it waits for a tab; a composition (`compose`) does not.
 */
import type { Browser } from 'puppeteer-core';
import type { Limiter } from '../util/concurrency.ts';
import { openDrawTab, type Composition, type DrawTab } from './draw-tab.ts';

export interface DrawerOptions {
  /** The browser to draw in (the build's; it may still be starting). */
  browser: Browser | Promise<Browser>;
  /** Tabs drawing side by side, at most: the first opens when asked, the others when runs queue up. Default 1. */
  tabs?: number;
  /** A gate shared with other work, taken for each run of pages drawn (the build's per-core limiter). Default none. */
  limit?: Limiter;
  /** Pages a tab draws in one go. Default 4. */
  run?: number;
}

export interface ThumbnailDrawer {
  /** Opens the tabs now, ahead of the first drawing (they open at the first drawing otherwise). */
  warm(): void;
  /** A PNG of every page of `pdf`, each `width` pixels wide (the height follows the page). */
  draw(pdf: Uint8Array, width: number): Promise<Uint8Array[]>;
  /** A PNG of each composition (see DrawTab), all in one tab. */
  compose(compositions: Composition[]): Promise<Uint8Array[]>;
  /** Closes the tabs, once every drawing asked for has ended. */
  close(): Promise<void>;
}

/** Runs waiting for a tab that make it worth opening one more. */
const QUEUE = 4;

export function createThumbnailDrawer(options: DrawerOptions): ThumbnailDrawer {
  const { browser, tabs = 1, limit = (task) => task(), run = 4 } = options;
  const pdfs = new Map<string, Uint8Array>();
  const drawing = new Set<Promise<unknown>>();
  let next = 0;
  // The tab pool: the tabs open or opening, the idle ones, and the runs waiting for one.
  const opened: Promise<DrawTab>[] = [];
  let opening = 0;
  let alive = 0;
  const idle: DrawTab[] = [];
  const waiting: { resolve: (tab: DrawTab) => void; reject: (error: unknown) => void }[] = [];
  const release = (tab: DrawTab) => {
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(tab);
    else idle.push(tab);
  };

  /**
   * Opens one more tab. Opening one costs about as much as drawing a dozen
   * pages, so a second tab opens only for a queue of runs that would keep it busy.
   */
  function openTab(): void {
    opening += 1;
    const tab = (async () => openDrawTab(await browser, (id) => pdfs.get(id)))();
    opened.push(tab);
    tab.then(
      (open) => {
        opening -= 1;
        alive += 1;
        release(open);
      },
      (error: unknown) => {
        opening -= 1;
        // Runs wait on while another tab is open or may still come; with none, they fail.
        if (alive === 0 && opening === 0) for (const waiter of waiting.splice(0)) waiter.reject(error);
      },
    );
  }

  function acquire(): Promise<DrawTab> {
    const tab = idle.pop();
    if (tab) return Promise.resolve(tab);
    const wanted = alive + opening === 0 || waiting.length + 1 >= QUEUE;
    if (wanted && alive + opening < tabs) openTab();
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  }

  /** Runs `task` in a tab of its own, once a tab is free, inside the shared gate unless told otherwise. */
  const withTab = async <T>(task: (tab: DrawTab) => Promise<T>, gated = true) => {
    const tab = await acquire();
    try {
      return gated ? await limit(() => task(tab)) : await task(tab);
    } finally {
      release(tab);
    }
  };

  async function draw(pdf: Uint8Array, width: number): Promise<Uint8Array[]> {
    const id = String(next++);
    pdfs.set(id, pdf);
    const used = new Set<DrawTab>();
    try {
      // Counted by pdf.js in a tab that is open (beside any drawing there), which parses it once for its runs too.
      if (opened.length === 0) openTab();
      const counter = await Promise.any(opened).catch((error: AggregateError) => {
        throw error.errors[0];
      });
      used.add(counter);
      const pages = await counter.count(id);
      const runs = Array.from({ length: Math.ceil(pages / run) }, (_, i) => [i * run + 1, Math.min(pages, (i + 1) * run)] as const);
      const drawn = await Promise.all(
        runs.map(([from, to]) =>
          withTab((tab) => {
            used.add(tab);
            return tab.draw(id, width, from, to);
          }),
        ),
      );
      return drawn.flat();
    } finally {
      // Every tab that parsed it lets go of it, drawn or failed.
      await Promise.all([...used].map((tab) => tab.forget(id).catch(() => undefined)));
      pdfs.delete(id);
    }
  }

  /** Kept until it settles, for `close` to wait on. */
  function tracked<T>(promise: Promise<T>): Promise<T> {
    const settled = promise.catch(() => undefined);
    drawing.add(settled);
    void settled.then(() => drawing.delete(settled));
    return promise;
  }

  return {
    warm() {
      if (opened.length === 0) openTab();
    },
    draw(pdf, width) {
      return tracked(draw(pdf, width));
    },
    compose(compositions) {
      // Not at the gate: a side composed from pictures is a few hundredths of a second, which waiting for
      // a core behind the layouts would put after the last of them, at the end of the build.
      return tracked(withTab((tab) => tab.compose(compositions), false));
    },
    async close() {
      await Promise.all(drawing);
      const tabs = await Promise.allSettled(opened);
      await Promise.all(tabs.map((tab) => (tab.status === 'fulfilled' ? tab.value.close().catch(() => undefined) : undefined)));
    },
  };
}
