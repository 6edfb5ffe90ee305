/**
 * The gallery as one build sees it: everything the build asks of the gallery,
 * through one object. Whether it may be written at all is settled once, at
 * the start (galleryAllowed); when it may not, every step here does nothing.
 * Its order within a build: the page marked out of date before the first
 * document moves in (stale.ts), each document's thumbnails drawn as its PDFs
 * are made and written once it is in place, the flip-books' after that, the
 * page written once every document is in place, the drawing tabs closed last.
 */
import type { Browser } from 'puppeteer-core';
import type { BuildRow } from '../build/row.ts';
import { terminal } from '../cli/terminal.ts';
import type { FlipBook, FlipText } from '../formats/flip-book.ts';
import type { OnMade } from '../formats/make.ts';
import type { Limiter } from '../util/concurrency.ts';
import type { Reporter } from '../util/reporter.ts';
import { CARD_WIDTH, MINI_PAGE_WIDTH, PAGE_WIDTH, type MadeDocument } from './document.ts';
import { createThumbnailDrawer } from './drawer.ts';
import { addFlipBookToGallery } from './flip-book.ts';
import { documentThumbnails, galleryAllowed, writeGalleryIndex } from './gallery.ts';
import { markGalleryStale } from './stale.ts';

export interface GalleryOptions {
  /** The build's output folder, where index.html and each document's thumbnails go. */
  out: string;
  /** Where a gallery that may not be written is said. */
  reporter: Reporter;
  /** The build's browser, the thumbnails are drawn in (it may still be starting). */
  browser: Promise<Browser>;
  /** Tabs drawing side by side, at most (one per core). */
  tabs: number;
  /** The build's per-core gate, taken for each run of pages drawn. */
  limit: Limiter;
  /** Whether the steps are said on the progress line (a terminal only). */
  progress: boolean;
  /** Whether the build asked for a gallery at all (build option `gallery`); when not, nothing is drawn nor written. */
  wanted: boolean;
}

/** One document's part: its pages drawn as its PDFs are made, written once it is in place. */
export interface DocumentGallery {
  /** The widths its layouts picture their pages at (formats/context.ts), instead of drawing them again. */
  widths: { pictureWidth: number; cardPictureWidth: number; miniPictureWidth: number };
  /** Starts drawing a file the build just made (formats/make.ts). */
  onMade: OnMade;
  /** Waits for its drawings and writes them, with its manifest, into its folder (nothing if it made no file). */
  write(made: MadeDocument): Promise<void>;
}

export interface Gallery {
  /** Whether this build writes the gallery. */
  readonly allowed: boolean;
  /** Tabs the build should open ahead for the gallery's drawing: one, or none without a gallery. */
  readonly spareTabs: number;
  /** Opens the first drawing tab now, while the first layouts run. */
  warm(): void;
  /** Marks the page out of date, once, before the first document is moved into place. */
  beforeCommit(): Promise<void>;
  /** A document's part, or none without a gallery. */
  forDocument(): DocumentGallery | undefined;
  /** Adds a flip-book, made once both its texts are in place, to its first text's entry. */
  addFlipBook(made: { first: FlipText; second: FlipText; flipBook: FlipBook }): Promise<void>;
  /** Writes output/index.html once every document is in place, if the build made anything. */
  finish(rows: readonly BuildRow[]): Promise<void>;
  /** Closes the drawing tabs, once every drawing asked for has ended. Call after the browser is closed. */
  close(): Promise<void>;
}

export async function createGallery(options: GalleryOptions): Promise<Gallery> {
  const { out, reporter, browser, tabs, limit, progress, wanted } = options;
  const allowed = wanted && (await galleryAllowed(out, reporter));
  // The thumbnails are drawn in tabs kept for the whole build (up to one per core),
  // each run of pages taking its turn at the same per-core gate as the layouts.
  const drawer = allowed ? createThumbnailDrawer({ browser, tabs, limit }) : undefined;
  let marking: Promise<void> | undefined;
  return {
    allowed,
    spareTabs: allowed ? 1 : 0,
    warm: () => drawer?.warm(),
    beforeCommit: () => (marking ??= allowed ? markGalleryStale(out) : Promise.resolve()),
    forDocument() {
      if (drawer === undefined) return undefined;
      const thumbnails = documentThumbnails(drawer);
      return {
        widths: { pictureWidth: PAGE_WIDTH, cardPictureWidth: CARD_WIDTH, miniPictureWidth: MINI_PAGE_WIDTH },
        onMade: thumbnails.onMade,
        async write(made) {
          if (made.formats.length === 0) return;
          // The wait for the drawings is what is timed.
          const started = performance.now();
          await thumbnails.write(made);
          if (progress) terminal.progress(`${made.name}: thumbnails (${((performance.now() - started) / 1000).toFixed(1)} s)`);
        },
      };
    },
    async addFlipBook(made) {
      if (drawer !== undefined) await addFlipBookToGallery({ ...made, drawer });
    },
    async finish(rows) {
      if (!allowed || rows.length === 0) return;
      const path = await writeGalleryIndex(out);
      if (progress) terminal.progress(`gallery → ${path}`);
    },
    close: async () => drawer?.close(),
  };
}
