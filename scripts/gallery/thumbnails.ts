/**
 * Thumbnails of PDF pages, drawn once, outside a build: a drawer with one tab
 * for these PDFs alone (the build keeps its own drawer open; see drawer.ts).
 */
import type { Browser } from 'puppeteer-core';
import { createThumbnailDrawer } from './drawer.ts';

export interface ThumbnailOptions {
  /** The browser to draw in. */
  browser: Browser;
  /** The PDFs to draw, every page of each, each at a width in pixels (the height follows the page). */
  pdfs: { bytes: Uint8Array; width: number }[];
}

/** One PNG per page, per PDF, in order. */
export type Thumbnails = Uint8Array[][];

export async function renderThumbnails(options: ThumbnailOptions): Promise<Thumbnails> {
  const { browser, pdfs } = options;
  if (pdfs.length === 0) return [];
  const drawer = createThumbnailDrawer({ browser });
  try {
    return await Promise.all(pdfs.map((pdf) => drawer.draw(pdf.bytes, pdf.width)));
  } finally {
    await drawer.close();
  }
}
