/**
 * The thumbnail drawer as the gallery uses it: pages drawn in several tabs at
 * once come back as images of their own pages, in order.
 */
import { PDFDocument, grayscale } from 'pdf-lib';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createThumbnailDrawer } from '../../scripts/gallery/drawer.ts';
import { renderThumbnails } from '../../scripts/gallery/thumbnails.ts';
import { HALF_LETTER, numberedPdf } from '../../scripts/impose/sample.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';

let browser: Promise<Browser>;

beforeAll(() => {
  browser = launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** A half-letter page with a black square, then a blank one. */
async function squareThenBlank(): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([HALF_LETTER.width, HALF_LETTER.height]).drawRectangle({ x: 98, y: 206, width: 200, height: 200, color: grayscale(0) });
  doc.addPage([HALF_LETTER.width, HALF_LETTER.height]);
  return doc.save();
}

/** Share of a PNG's pixels darker than mid grey. */
function darkShare(png: Uint8Array): number {
  const image = PNG.sync.read(Buffer.from(png));
  let dark = 0;
  for (let i = 0; i < image.data.length; i += 4) if ((image.data[i] ?? 255) < 128) dark += 1;
  return dark / (image.width * image.height);
}

describe('the thumbnail drawer', () => {
  it('draws each page at the asked width, ink where the page has it and none where it is blank', async () => {
    const drawer = createThumbnailDrawer({ browser, tabs: 2, run: 1 });
    try {
      const [square, blank] = await drawer.draw(await squareThenBlank(), 150);
      for (const png of [square, blank]) {
        const image = PNG.sync.read(Buffer.from(png ?? new Uint8Array()));
        expect([image.width, image.height]).toEqual([150, Math.round((150 * HALF_LETTER.height) / HALF_LETTER.width)]);
      }
      // The square covers 200 × 200 of 396 × 612 pt: about a sixth of the page.
      expect(darkShare(square ?? new Uint8Array())).toBeCloseTo((200 * 200) / (396 * 612), 1);
      expect(darkShare(blank ?? new Uint8Array())).toBe(0);
    } finally {
      await drawer.close();
    }
  });

  it('gives back every page in order when runs of pages are drawn in two tabs at once', async () => {
    const pdf = await numberedPdf(7);
    const [one = []] = await renderThumbnails({ browser: await browser, pdfs: [{ bytes: pdf, width: 120 }] });
    const drawer = createThumbnailDrawer({ browser, tabs: 2, run: 2 });
    try {
      // Two PDFs asked for at once share the tabs.
      const [split, again] = await Promise.all([drawer.draw(pdf, 120), drawer.draw(await squareThenBlank(), 60)]);
      expect(split).toHaveLength(7);
      expect(again).toHaveLength(2);
      const pixels = (png: Uint8Array) => PNG.sync.read(Buffer.from(png)).data.toString('base64');
      expect(split.map(pixels)).toEqual(one.map(pixels));
      // Each page shows its own number, so no two thumbnails are alike.
      expect(new Set(split.map(pixels)).size).toBe(7);
    } finally {
      await drawer.close();
    }
  });

  it('composes a picture turned a half-turn in its place: each pixel at the mirror of where it was', async () => {
    // A 4 × 2 picture, white but for its top-left pixel.
    const picture = new PNG({ width: 4, height: 2 });
    picture.data.fill(255);
    picture.data.set([0, 0, 0, 255], 0);
    const png = new Uint8Array(PNG.sync.write(picture));
    const drawer = createThumbnailDrawer({ browser });
    try {
      const [upright, turned] = await drawer.compose([
        { width: 8, height: 4, images: [{ png, x: 2, y: 1 }], lines: [] },
        { width: 8, height: 4, images: [{ png, x: 2, y: 1, turn: 180 }], lines: [] },
      ]);
      const dark = (composed: Uint8Array | undefined) => {
        const image = PNG.sync.read(Buffer.from(composed ?? new Uint8Array()));
        const found: [number, number][] = [];
        for (let i = 0; i < image.data.length; i += 4) if ((image.data[i] ?? 255) < 128) found.push([(i / 4) % image.width, Math.floor(i / 4 / image.width)]);
        return found;
      };
      expect(dark(upright)).toEqual([[2, 1]]);
      // Its bottom-right pixel now: x 2 + 3, y 1 + 1.
      expect(dark(turned)).toEqual([[5, 2]]);
    } finally {
      await drawer.close();
    }
  });

  it('composes without waiting for the gate its drawings take turns at', async () => {
    const picture = new PNG({ width: 2, height: 2 });
    picture.data.fill(255);
    // A gate that never opens: the layouts hold every core.
    const drawer = createThumbnailDrawer({ browser, limit: () => new Promise<never>(() => undefined) });
    try {
      const [side] = await drawer.compose([{ width: 4, height: 4, images: [{ png: new Uint8Array(PNG.sync.write(picture)), x: 1, y: 1 }], lines: [] }]);
      expect(PNG.sync.read(Buffer.from(side ?? new Uint8Array())).width).toBe(4);
    } finally {
      await drawer.close();
    }
  });

  it('fails a drawing of bytes that are no PDF, and draws the next one', async () => {
    const drawer = createThumbnailDrawer({ browser });
    try {
      await expect(drawer.draw(new TextEncoder().encode('not a pdf'), 100)).rejects.toThrow();
      expect(await drawer.draw(await squareThenBlank(), 100)).toHaveLength(2);
    } finally {
      await drawer.close();
    }
  });

  it('fails every drawing, rather than waiting for ever, when no tab can open', async () => {
    const missing = Promise.reject(new Error('no browser here'));
    missing.catch(() => undefined);
    const drawer = createThumbnailDrawer({ browser: missing, tabs: 2, run: 1 });
    const pdf = await squareThenBlank();
    await expect(Promise.all([drawer.draw(pdf, 50), drawer.draw(pdf, 60)])).rejects.toThrow('no browser here');
    await drawer.close();
  });
});
