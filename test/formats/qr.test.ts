/**
 * The QR code of `url:`, read back the way a phone would: the printed PDFs
 * drawn to pixels (pdf.js in the project's browser, as the gallery draws
 * them) and decoded with jsQR, at the reading edition's size and on the mini
 * zine's sheet.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { renderThumbnails } from '../../scripts/gallery/thumbnails.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { readPages } from '../helpers/pdf.ts';
import { GOOD } from '../helpers/zine.ts';

const URL = 'https://example.org/zines/a-short-zine';
// jsQR is a CommonJS module whose types describe an ES default export.
const jsQR = createRequire(import.meta.url)('jsqr') as typeof import('jsqr').default;

let dir: string;
let browser: Promise<Browser>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-qr-'));
  browser = launchBrowser();
  await writeFile(join(dir, 'zine.md'), GOOD.replace('date: 2025-03-08', `date: 2025-03-08\nurl: ${URL}`));
  // Built in the test's process, without the gallery: its PDFs are what is read here (a `zine` run added its
  // process, its own markdown worker and the thumbnails).
  await build({ files: [join(dir, 'zine.md')], out: join(dir, 'out'), formats: ['reading', 'mini'], progress: false, gallery: false, reporter: { warn: () => undefined } });
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** What jsQR reads in a PNG's pixels, or null when it finds no code. */
function read(image: PNG): string | null {
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Every page of a PDF (in the output folder) drawn `width` pixels wide. */
async function draw(file: string, width: number): Promise<PNG[]> {
  const bytes = new Uint8Array(await readFile(join(dir, 'out', 'zine', file)));
  const [pngs = []] = await renderThumbnails({ browser: await browser, pdfs: [{ bytes, width }] });
  return pngs.map((png) => PNG.sync.read(Buffer.from(png)));
}

/** One cell of a sheet cut into `columns` × `rows`, as a phone held over that page sees it. */
function cell(sheet: PNG, columns: number, rows: number, column: number, row: number): PNG {
  const width = Math.floor(sheet.width / columns);
  const height = Math.floor(sheet.height / rows);
  const out = new PNG({ width, height });
  PNG.bitblt(sheet, out, column * width, row * height, width, height, 0, 0);
  return out;
}

describe('the QR code of url:', () => {
  it('is on the back cover and the card’s back of the reading edition, readable at 100 dpi, with the address under it', async () => {
    // Half-letter pages 5.5 in wide: 550 pixels is 100 dpi.
    const found = (await draw('reading.pdf', 550)).map(read);
    const pages = await readPages(new Uint8Array(await readFile(join(dir, 'out', 'zine', 'reading.pdf'))));
    const withCode = found.flatMap((data, index) => (data === URL ? [index + 1] : []));
    const cardBack = pages.findIndex((page) => page.text.includes('your return address')) + 1;
    expect(withCode).toEqual([cardBack, pages.length]);
    for (const page of withCode) expect(pages[page - 1]?.text.replace(/\s/g, '')).toContain(URL);
  });

  it('is readable on the printed mini zine sheet at 150 dpi', async () => {
    // The mini zine's sheet is landscape letter, 11 in wide, in 4 × 2 cells; the back cover and the card's back carry the code.
    const [sheet] = await draw('mini.pdf', 1650);
    if (sheet === undefined) throw new Error('the mini zine has no sheet');
    const cells = [0, 1].flatMap((row) => [0, 1, 2, 3].map((column) => read(cell(sheet, 4, 2, column, row))));
    expect(cells.filter((data) => data === URL)).toHaveLength(2);
  });
});
