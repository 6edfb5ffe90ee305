/**
 * The gallery as a reader opens it: output/index.html from file:// in real
 * headless Chromium, after a real build.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_WIDTH, SHEET_WIDTH, SLIPS_WIDTH } from '../../scripts/gallery/document.ts';
import { renderThumbnails } from '../../scripts/gallery/thumbnails.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { readPages } from '../helpers/pdf.ts';
import { watchedPage } from '../helpers/watched-page.ts';
import { GOOD, zine } from '../helpers/zine.ts';

let dir: string;
let browser: Promise<Browser>;
const out = () => join(dir, 'out');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-gallery-'));
  browser = launchBrowser();
  await writeFile(join(dir, 'court.md'), GOOD.replace('date: 2025-03-08', 'date: 2025-03-08\nlang: fr'));
  // A link that tracks its readers: a warning the gallery lists under its document.
  const tracked = 'Some text with [a link](https://example.org/?utm_source=zine) and a note.';
  await writeFile(join(dir, 'other.md'), GOOD.replace('A short zine', 'Another zine').replace('Some text with a note.', tracked));
  const first = await zine(['build', 'court.md', '--out', 'out'], dir);
  expect(first.stderr).toBe('');
  // A later build of another source keeps the first document in the gallery.
  const second = await zine(['build', 'other.md', '--out', 'out', '--formats', 'slips'], dir);
  expect(second.stderr).toMatch(/^other\.md:6:16: link `https:\/\/example\.org\/\?utm_source=zine` carries tracking parameters \(utm_source\)[^\n]*\n$/);
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** The mean difference of two images' colour values, with `shown` moved `rows` down against `direct`. */
function meanDifference(shown: PNG, direct: PNG, rows: number): number {
  let [sum, count] = [0, 0];
  for (let y = 2; y < shown.height - 2; y += 1) {
    for (let x = 0; x < shown.width * 4; x += 1) {
      if (x % 4 === 3) continue;
      sum += Math.abs((shown.data[y * shown.width * 4 + x] ?? 0) - (direct.data[(y + rows) * shown.width * 4 + x] ?? 0));
      count += 1;
    }
  }
  return sum / count;
}

/**
 * The pages are pictured from their layout, not drawn by pdf.js, so glyph
 * edges and hairlines are shaded a little differently: the pictures match on
 * average, and they match best where no row is moved (a picture cut a row
 * off would match its neighbour rows better).
 */
function expectSameImage(shown: PNG, direct: PNG, what: string): void {
  expect([shown.width, shown.height], what).toEqual([direct.width, direct.height]);
  const here = meanDifference(shown, direct, 0);
  expect(here, what).toBeLessThan(6);
  const inked = direct.data.some((value, i) => i % 4 !== 3 && value < 128);
  if (inked) expect(here, what).toBeLessThan(Math.min(meanDifference(shown, direct, -1), meanDifference(shown, direct, 1)));
}

interface Opened {
  requests: string[];
  errors: string[];
  images: { src: string; alt: string | null; naturalWidth: number; complete: boolean }[];
  links: string[];
  ids: string[];
  sections: { id: string; lang: string }[];
}

async function openGallery(): Promise<Opened> {
  const { page, requests, errors } = await watchedPage(await browser);
  try {
    await page.goto(pathToFileURL(join(out(), 'index.html')).href, { waitUntil: 'load' });
    const found = await page.evaluate(() => ({
      images: [...document.images].map((img) => ({
        src: img.src,
        alt: img.getAttribute('alt'),
        naturalWidth: img.naturalWidth,
        complete: img.complete,
      })),
      links: [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href),
      ids: [...document.querySelectorAll('[id]')].map((element) => element.id),
      sections: [...document.querySelectorAll('section.document')].map((section) => ({
        id: section.id,
        lang: section.getAttribute('lang') ?? '',
      })),
    }));
    return { requests, errors, ...found };
  } finally {
    await page.close();
  }
}

describe('output/index.html', () => {
  it('loads every image, from this machine only, with alt text, and no script error', async () => {
    const opened = await openGallery();
    expect(opened.errors).toEqual([]);
    expect(opened.images.length).toBeGreaterThan(10);
    for (const image of opened.images) {
      expect(image.complete && image.naturalWidth > 0, image.src).toBe(true);
      expect(image.alt?.trim(), image.src).toBeTruthy();
    }
    for (const image of opened.images) expect(opened.requests).toContain(image.src);
    for (const url of opened.requests) expect(url, url).toMatch(/^(file|data):/);
  });

  it('links only to files that exist, and to anchors on the page', async () => {
    const opened = await openGallery();
    expect(opened.links.length).toBeGreaterThan(0);
    for (const link of opened.links) {
      const url = new URL(link);
      expect(url.protocol).toBe('file:');
      if (url.hash !== '' && url.pathname.endsWith('/index.html')) expect(opened.ids).toContain(decodeURIComponent(url.hash.slice(1)));
      else expect(existsSync(fileURLToPath(url)), link).toBe(true);
    }
    const pdfs = opened.links.filter((link) => link.endsWith('.pdf')).map((link) => link.slice(link.lastIndexOf('/out/') + 5));
    expect(pdfs).toEqual(
      expect.arrayContaining(['court/reading.pdf', 'court/booklet.pdf', 'court/mini.pdf', 'court/slips.pdf', 'other/slips.pdf']),
    );
  });

  it('opens each page and sheet side large: a click goes to that page of its PDF', async () => {
    const { page } = await watchedPage(await browser);
    try {
      await page.goto(pathToFileURL(join(out(), 'index.html')).href, { waitUntil: 'load' });
      const targets = await page.evaluate(() =>
        [...document.querySelectorAll('section#court .thumbs figure')].map((figure) => figure.querySelector('a')?.getAttribute('href') ?? ''),
      );
      const reading = await readPages(await readFile(join(out(), 'court', 'reading.pdf')));
      const booklet = await readPages(await readFile(join(out(), 'court', 'booklet.pdf')));
      expect(targets.filter((target) => target.startsWith('court/reading.pdf'))).toEqual(reading.map((_, index) => `court/reading.pdf#page=${index + 1}`));
      expect(targets.filter((target) => target.startsWith('court/booklet.pdf'))).toEqual(booklet.map((_, index) => `court/booklet.pdf#page=${index + 1}`));
      expect(targets.filter((target) => target.startsWith('court/mini.pdf'))).toEqual(['court/mini.pdf#page=1']);
      expect(targets.every((target) => target !== '')).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('gives each document its language and both builds’ documents', async () => {
    const opened = await openGallery();
    expect(opened.sections).toEqual([
      { id: 'court', lang: 'fr' },
      { id: 'other', lang: 'en' },
    ]);
  });

  it('lists each document’s warnings under it, with their file:line:col, and none under a document without', async () => {
    const { page } = await watchedPage(await browser);
    try {
      await page.goto(pathToFileURL(join(out(), 'index.html')).href, { waitUntil: 'load' });
      const listed = (id: string) => page.evaluate((of) => [...document.querySelectorAll(`section#${of} .warnings li`)].map((item) => item.textContent ?? ''), id);
      const other = await listed('other');
      expect(other).toHaveLength(1);
      expect(other[0]).toMatch(/^other\.md:6:16: link `https:\/\/example\.org\/\?utm_source=zine` carries tracking parameters \(utm_source\)/);
      expect(await listed('court')).toEqual([]);
      // Under the document's heading, before its formats, where it is read before printing.
      const before = await page.evaluate(() => {
        const warnings = document.querySelector('section#other .warnings');
        const format = document.querySelector('section#other .format');
        return warnings !== null && format !== null && (warnings.compareDocumentPosition(format) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
      });
      expect(before).toBe(true);
    } finally {
      await page.close();
    }
  });

  it('has a thumbnail per page of the reading edition and per side of every sheet', async () => {
    const html = await readFile(join(out(), 'index.html'), 'utf8');
    const reading = await readPages(await readFile(join(out(), 'court', 'reading.pdf')));
    const booklet = await readPages(await readFile(join(out(), 'court', 'booklet.pdf')));
    const thumbnails = (await readdir(join(out(), 'court', 'thumbnails'))).filter((file) => file.endsWith('.png'));
    const count = (format: string) => thumbnails.filter((file) => new RegExp(`^${format}-\\d+\\.png$`).test(file)).length;
    expect(count('reading')).toBe(reading.length);
    expect(count('booklet')).toBe(booklet.length);
    expect(count('mini')).toBe(1);
    expect(count('slips')).toBe(2);
    // The counts printed beside the links.
    expect(html).toContain(`reading.pdf</a>: Reading edition, ${reading.length} pages`);
    expect(html).toContain(`booklet.pdf</a>: Booklet, ${reading.length} pages on ${booklet.length / 2} sheets`);
    // A thumbnail is an image of its page: as tall as the page is, for its width.
    const png = await readFile(join(out(), 'court', 'thumbnails', 'reading-1.png'));
    const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(height / width).toBeCloseTo((reading[0]?.height ?? 0) / (reading[0]?.width ?? 1), 1);
  });

  it('shows the words of a page in its thumbnail, and nothing where a page is blank', async () => {
    const reading = await readPages(await readFile(join(out(), 'court', 'reading.pdf')));
    const inked = async (file: string) => {
      const image = PNG.sync.read(await readFile(join(out(), 'court', 'thumbnails', file)));
      let ink = 0;
      for (let i = 0; i < image.data.length; i += 4) if ((image.data[i] ?? 255) < 200) ink += 1;
      return ink / (image.width * image.height);
    };
    for (const [index, page] of reading.entries()) {
      const share = await inked(`reading-${index + 1}.png`);
      if (page.words.length === 0) expect(share, `page ${index + 1}`).toBe(0);
      else expect(share, `page ${index + 1}`).toBeGreaterThan(0);
    }
    // A sheet side holds two pages' words.
    expect(await inked('booklet-1.png')).toBeGreaterThan(0.002);
  });

  it('shows each reading page as pdf.js draws that page of reading.pdf, to the row', async () => {
    const reading = new Uint8Array(await readFile(join(out(), 'court', 'reading.pdf')));
    const [drawn = []] = await renderThumbnails({ browser: await browser, pdfs: [{ bytes: reading, width: PAGE_WIDTH }] });
    expect(drawn.length).toBe((await readPages(reading)).length);
    for (const [index, png] of drawn.entries()) {
      const shown = PNG.sync.read(await readFile(join(out(), 'court', 'thumbnails', `reading-${index + 1}.png`)));
      expectSameImage(shown, PNG.sync.read(Buffer.from(png)), `page ${index + 1}`);
    }
  });

  it('shows each booklet side as pdf.js draws that side of booklet.pdf, marks and all', async () => {
    const booklet = new Uint8Array(await readFile(join(out(), 'court', 'booklet.pdf')));
    const [drawn = []] = await renderThumbnails({ browser: await browser, pdfs: [{ bytes: booklet, width: SHEET_WIDTH }] });
    expect(drawn.length).toBeGreaterThan(0);
    for (const [index, png] of drawn.entries()) {
      const shown = PNG.sync.read(await readFile(join(out(), 'court', 'thumbnails', `booklet-${index + 1}.png`)));
      expectSameImage(shown, PNG.sync.read(Buffer.from(png)), `side ${index + 1}`);
    }
  });

  it('shows each slips side as pdf.js draws that side of slips.pdf: four cards and the cut marks', async () => {
    const slips = new Uint8Array(await readFile(join(out(), 'court', 'slips.pdf')));
    const [drawn = []] = await renderThumbnails({ browser: await browser, pdfs: [{ bytes: slips, width: SLIPS_WIDTH }] });
    expect(drawn).toHaveLength(2);
    for (const [index, png] of drawn.entries()) {
      const shown = PNG.sync.read(await readFile(join(out(), 'court', 'thumbnails', `slips-${index + 1}.png`)));
      expect(shown.width).toBe(SLIPS_WIDTH);
      expectSameImage(shown, PNG.sync.read(Buffer.from(png)), `side ${index + 1}`);
    }
  });

  it('shows the spine ticks on the front of each sheet, at the middle, and none on the back', async () => {
    const booklet = await readPages(await readFile(join(out(), 'court', 'booklet.pdf')));
    for (let side = 1; side <= booklet.length; side += 1) {
      const image = PNG.sync.read(await readFile(join(out(), 'court', 'thumbnails', `booklet-${side}.png`)));
      const middle = image.width / 2 - 1;
      // The top tick runs from 6 pt to 24 pt down: rows 2 to 9 of a 300 px side; the bottom one likewise.
      const grey = (rows: number[]) => rows.filter((y) => (image.data[(y * image.width + middle) * 4] ?? 255) < 220).length;
      const top = [3, 4, 5, 6, 7, 8];
      const bottom = top.map((y) => image.height - 1 - y);
      const expected = side % 2 === 1 ? 6 : 0;
      expect([grey(top), grey(bottom)], `side ${side}`).toEqual([expected, expected]);
    }
  });

  it('has printer settings, folding steps and diagrams, and a one-sheet test print', async () => {
    const html = await readFile(join(out(), 'index.html'), 'utf8');
    expect(html).toMatch(/two-sided, flip on short edge/);
    expect(html).toMatch(/100 %/);
    expect(html).toContain('court/thumbnails/booklet.png');
    expect(html).toContain('court/thumbnails/mini.png');
    const sheet = await readPages(await readFile(join(out(), 'court', 'thumbnails', 'test-sheet.pdf')));
    expect(sheet).toHaveLength(2);
    expect(sheet[0]?.words.map((word) => word.str)).toEqual(expect.arrayContaining(['4', '1']));
    expect(sheet[1]?.words.map((word) => word.str)).toEqual(expect.arrayContaining(['2', '3']));
  });
});

describe('an index.html the build did not make', () => {
  it('is left as it was, with a warning, and the zines are still made', async () => {
    const own = await mkdtemp(join(tmpdir(), 'zine-gallery-own-'));
    await writeFile(join(own, 'zine.md'), GOOD);
    await writeFile(join(own, 'index.html'), '<p>my own site</p>\n');
    const result = await zine(['build', 'zine.md', '--out', '.', '--formats', 'slips'], own);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/index\.html: not a page Zinepress made/);
    expect(await readFile(join(own, 'index.html'), 'utf8')).toBe('<p>my own site</p>\n');
    expect(existsSync(join(own, 'zine', 'slips.pdf'))).toBe(true);
  });
});
