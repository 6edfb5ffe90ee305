/**
 * Pictures of laid-out pages taken from their tab: one per page, in order,
 * each the page's own at the asked width, also across screenshots.
 */
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takePagePictures } from '../../scripts/gallery/page-pictures.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';

let browser: Promise<Browser>;

beforeAll(() => {
  browser = launchBrowser();
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** Half-letter pages as Paged.js sets them, page n with a black band 60 px tall whose top is 100 + 50 n px down. */
function pagesHtml(sizes: { width: number; height: number }[]): string {
  const pages = sizes.map(
    ({ width, height }, n) =>
      `<div class="pagedjs_page" style="width:${width}px;height:${height}px;position:relative;background:white">` +
      `<div style="position:absolute;left:0;right:0;top:${100 + 50 * n}px;height:60px;background:black"></div></div>`,
  );
  return `<!doctype html><body style="margin:8px;background:white"><div class="pagedjs_pages">${pages.join('')}</div></body>`;
}

/** The rows of a picture that are mostly black. */
function blackRows(png: Uint8Array): number[] {
  const image = PNG.sync.read(Buffer.from(png));
  const rows: number[] = [];
  for (let y = 0; y < image.height; y += 1) {
    let dark = 0;
    for (let x = 0; x < image.width; x += 1) if ((image.data[(y * image.width + x) * 4] ?? 255) < 64) dark += 1;
    if (dark > image.width / 2) rows.push(y);
  }
  return rows;
}

describe('page pictures', () => {
  it('gives one picture per page, in order, each its own page at the asked width, across screenshots', async () => {
    const page = await (await browser).newPage();
    try {
      const half = { width: 528, height: 816 };
      await page.setContent(pagesHtml(Array.from({ length: 7 }, () => half)));
      // Three pages a screenshot: the seven pages come from three screenshots.
      const taken = await takePagePictures({ page, width: 150, batch: 3 });
      const pictures = await taken?.cut;
      expect(pictures).toHaveLength(7);
      const scale = 150 / 528;
      for (const [n, png] of (pictures ?? []).entries()) {
        const image = PNG.sync.read(Buffer.from(png));
        // Sized as pdf.js sizes a page drawn 150 px wide.
        expect([image.width, image.height], `page ${n + 1}`).toEqual([150, Math.round(816 * scale)]);
        const rows = blackRows(png);
        // The band is 60 px tall: 17 rows at this scale, give or take a shaded row at each edge.
        expect(rows.length, `page ${n + 1}`).toBeGreaterThanOrEqual(16);
        expect(rows.length, `page ${n + 1}`).toBeLessThanOrEqual(18);
        expect(Math.abs((rows[0] ?? 0) - (100 + 50 * n) * scale), `page ${n + 1}`).toBeLessThanOrEqual(1);
      }
    } finally {
      await page.close();
    }
  });

  it('takes none when the pages differ in size, for the gallery to draw them from the PDF', async () => {
    const page = await (await browser).newPage();
    try {
      await page.setContent(pagesHtml([{ width: 528, height: 816 }, { width: 408, height: 528 }]));
      expect(await takePagePictures({ page, width: 150 })).toBeUndefined();
    } finally {
      await page.close();
    }
  });
});
