/**
 * The cover designs built end to end and read back from the PDFs as a reader
 * would check them: for each `cover-style`, the title on page 1 inside the
 * safe area (0.25 in from the trim) of the reading edition and of the mini
 * zine's cover cell, the back cover with the date and the first lines, a
 * `cover:` image embedded at its own resolution and credited in the colophon,
 * an Arabic cover set from the right, and no photocopy warning. Then the two
 * refusals: a bad `cover:` path and an unknown design.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFNumber, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../scripts/build.ts';
import { COVER_STYLES } from '../../scripts/config/frontmatter.ts';
import { turnOf, wordBox } from '../helpers/boxes.ts';
import { readPages, type PdfPage, type Word } from '../helpers/pdf.ts';
import { snapshot, zine } from '../helpers/zine.ts';

const ARABIC = 'test/fixtures/build/rtl-arabic/udhr-ar.md';
/** 0.25 in: what an office printer may not reach. */
const SAFE = 18;
/** The mini zine's sheet (letter, landscape) in 4 × 2 cells. */
const CELL = { width: 198, height: 306 };
/** The test image: 200 dpi over a half-letter page. */
const IMAGE = { width: 1100, height: 1700 };
const TITLE = 'A Cover Worth Picking Up';
const OPENING = 'The first lines of this zine are quoted on its back cover';
const CREDIT = 'Cover: a test pattern drawn by the test itself.';
const PLACE = { poster: 'full', frame: 'framed', banner: 'full' } as const;

const english = (style: string, front = '') => `---
title: ${TITLE}
subtitle: A subtitle under the title
date: 2025-03-08
cover-style: ${style}
${front}---

${OPENING}, as a reader would want them. The rest of the paragraph goes on.

A second paragraph.

:::slogans
Bread and roses!

Solidarity forever!
:::
`;

let dir: string;
const warnings: string[] = [];
const pdfs = new Map<string, PdfPage[]>();
const bytes = new Map<string, Uint8Array>();

/** A PNG of squares and gradients, made here. */
function testImage(): Buffer {
  const image = new PNG({ ...IMAGE });
  for (let y = 0; y < IMAGE.height; y += 1) {
    for (let x = 0; x < IMAGE.width; x += 1) {
      const at = (IMAGE.width * y + x) * 4;
      image.data[at] = Math.floor((255 * x) / IMAGE.width);
      image.data[at + 1] = Math.floor((255 * y) / IMAGE.height);
      image.data[at + 2] = ((x >> 6) + (y >> 6)) % 2 === 0 ? 60 : 200;
      image.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(image);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-covers-'));
  await writeFile(join(dir, 'art.png'), testImage());
  const arabic = await readFile(ARABIC, 'utf8');
  for (const style of COVER_STYLES) {
    await writeFile(join(dir, `${style}.md`), english(style));
    await writeFile(join(dir, `${style}-image.md`), english(style, `cover: art.png\ncover-image: ${PLACE[style]}\ncover-credit: "${CREDIT}"\n`));
    await writeFile(join(dir, `${style}-ar.md`), arabic.replace(/^---\n/, `---\ncover-style: ${style}\n`));
  }
  const warn = vi.spyOn(console, 'warn').mockImplementation((...line: unknown[]) => void warnings.push(line.join(' ')));
  try {
    const out = join(dir, 'out');
    await build({ files: COVER_STYLES.map((style) => join(dir, `${style}.md`)), out, progress: false, gallery: false, formats: ['reading', 'mini'] });
    const others = COVER_STYLES.flatMap((style) => [join(dir, `${style}-image.md`), join(dir, `${style}-ar.md`)]);
    await build({ files: others, out, progress: false, gallery: false, formats: ['reading'] });
  } finally {
    warn.mockRestore();
  }
  for (const style of COVER_STYLES) {
    for (const [name, file] of [[style, 'reading.pdf'], [style, 'mini.pdf'], [`${style}-image`, 'reading.pdf'], [`${style}-ar`, 'reading.pdf']]) {
      const data = new Uint8Array(await readFile(join(dir, 'out', name as string, file as string)));
      bytes.set(`${name}/${file}`, data);
      pdfs.set(`${name}/${file}`, await readPages(data));
    }
  }
}, 600_000);

afterAll(() => {
  vi.restoreAllMocks();
});

const pages = (key: string): PdfPage[] => pdfs.get(key) ?? [];
const first = (key: string): PdfPage => pages(key)[0] as PdfPage;
const compact = (text: string) => text.replace(/\s+/g, '');
const sizeOf = (word: Word): number => Math.hypot(word.transform[0] ?? 0, word.transform[1] ?? 0);

/** The lines of the largest type on a page (the title's), each with its left and right ends. */
function titleLines(page: PdfPage): { y: number; left: number; right: number }[] {
  const words = page.words.filter((word) => turnOf(word) === 0 && word.width > 0.5);
  const size = Math.max(...words.map(sizeOf));
  const byY = new Map<number, Word[]>();
  for (const word of words.filter((each) => sizeOf(each) > size * 0.95)) {
    const key = [...byY.keys()].find((y) => Math.abs(y - word.y) < 0.6 * size) ?? word.y;
    byY.set(key, [...(byY.get(key) ?? []), word]);
  }
  return [...byY.entries()].map(([y, on]) => ({
    y,
    left: Math.min(...on.map((word) => word.x)),
    right: Math.max(...on.map((word) => word.x + word.width)),
  }));
}

/** Every word of `words` at least SAFE points inside the box [0, width] × [0, height] offset by (x, y). */
function outsideSafeArea(words: Word[], box: { x: number; y: number; width: number; height: number }): string[] {
  return words.flatMap((word) => {
    const at = wordBox(word);
    const gap = Math.min(at.left - box.x, box.x + box.width - at.right, at.bottom - box.y, box.y + box.height - at.top);
    return gap < SAFE ? [`"${word.str}" ${gap.toFixed(1)} pt from the edge`] : [];
  });
}

/** The width and height in pixels of every image drawn in the file. */
async function imagesOf(data: Uint8Array): Promise<{ width: number; height: number }[]> {
  const doc = await PDFDocument.load(data, { updateMetadata: false });
  const found: { width: number; height: number }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = object.dict.get(PDFName.of('Width'));
    const height = object.dict.get(PDFName.of('Height'));
    if (width instanceof PDFNumber && height instanceof PDFNumber) found.push({ width: width.asNumber(), height: height.asNumber() });
  }
  return found;
}

describe.each(COVER_STYLES)('cover-style: %s', (style) => {
  it('sets the title on page 1 of the reading edition, inside the safe area, flush left or centred', () => {
    const cover = first(`${style}/reading.pdf`);
    expect(compact(cover.text)).toContain(compact(TITLE));
    expect(outsideSafeArea(cover.words, { x: 0, y: 0, width: cover.width, height: cover.height })).toEqual([]);
    const lines = titleLines(cover);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      if (style === 'frame') expect(Math.abs((line.left + line.right) / 2 - cover.width / 2)).toBeLessThan(3);
      else expect(line.left).toBeLessThan(0.8 * 72);
    }
  });

  it('sets the cover in the mini zine’s cover cell, inside its safe area', () => {
    const [sheet] = pages(`${style}/mini.pdf`);
    if (sheet === undefined) throw new Error('no mini zine sheet');
    const title = sheet.words.find((word) => turnOf(word) === 0 && TITLE.startsWith(word.str.trim().split(/\s+/)[0] ?? '-') && sizeOf(word) > 12);
    if (title === undefined) throw new Error('no upright title on the mini zine sheet');
    const box = wordBox(title);
    const cell = { x: Math.floor(box.left / CELL.width) * CELL.width, y: Math.floor(box.bottom / CELL.height) * CELL.height, ...CELL };
    const inCell = sheet.words.filter((word) => {
      const at = wordBox(word);
      return turnOf(word) === 0 && at.left >= cell.x && at.right <= cell.x + cell.width && at.bottom >= cell.y && at.top <= cell.y + cell.height;
    });
    expect(compact(inCell.map((word) => word.str).join(''))).toContain(compact(TITLE));
    expect(outsideSafeArea(inCell, cell)).toEqual([]);
  });

  it('puts the first lines and the date on the back cover, and the slogans on the front', () => {
    const all = pages(`${style}/reading.pdf`);
    const back = all.at(-1) as PdfPage;
    expect(back.text).toContain(OPENING);
    expect(back.text).toContain('March 8, 2025');
    expect(first(`${style}/reading.pdf`).text.toLowerCase()).toContain('solidarity forever!');
  });

  it(`embeds a cover: image at its own resolution (${PLACE[style]}), credited in the colophon`, async () => {
    const images = await imagesOf(bytes.get(`${style}-image/reading.pdf`) as Uint8Array);
    expect(images).toContainEqual(IMAGE);
    const all = pages(`${style}-image/reading.pdf`);
    expect(compact(first(`${style}-image/reading.pdf`).text)).toContain(compact(TITLE));
    const cover = first(`${style}-image/reading.pdf`);
    expect(outsideSafeArea(cover.words, { x: 0, y: 0, width: cover.width, height: cover.height })).toEqual([]);
    expect((all.at(-2) as PdfPage).text).toContain(CREDIT);
  });

  it('sets an Arabic title from the right (centred in the frame), inside the safe area', () => {
    const cover = first(`${style}-ar/reading.pdf`);
    const lines = titleLines(cover);
    expect(lines.length).toBeGreaterThan(1);
    const rights = lines.map((line) => line.right);
    for (const line of lines) {
      if (style === 'frame') expect(Math.abs((line.left + line.right) / 2 - cover.width / 2)).toBeLessThan(3);
      else expect(cover.width - line.right).toBeLessThan(0.8 * 72);
    }
    if (style !== 'frame') expect(Math.max(...rights) - Math.min(...rights)).toBeLessThan(2);
    expect(outsideSafeArea(cover.words, { x: 0, y: 0, width: cover.width, height: cover.height })).toEqual([]);
  });
});

describe('the covers on a photocopier', () => {
  it('raise no preflight warning in any design', () => {
    expect(warnings.filter((line) => line.includes('photocopy'))).toEqual([]);
  });
});

describe('refused covers', () => {
  it('a cover: that is not there fails at its line and writes nothing', async () => {
    await writeFile(join(dir, 'bad.md'), english('poster', 'cover: nowhere.png\n'));
    const ran = await zine(['build', 'bad.md', '--formats', 'reading', '--out', 'refused'], dir);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/^bad\.md:6:1: front matter: `cover`: image `nowhere\.png` not found \(looked for nowhere\.png\)$/m);
    expect([...(await snapshot(join(dir, 'refused')).catch(() => new Map<string, string>())).keys()]).toEqual([]);
  });

  it('cover-style: nope fails naming the key and the designs', async () => {
    await writeFile(join(dir, 'nope.md'), english('nope'));
    const ran = await zine(['build', 'nope.md', '--formats', 'reading', '--out', 'refused'], dir);
    expect(ran.code).not.toBe(0);
    expect(ran.stderr).toMatch(/^nope\.md:5:1: front matter: `cover-style` must be one of "poster", "frame", "banner"$/m);
  });
});
