/**
 * A print shop's PDF: the reading edition built with `bleed: 3mm` and crop
 * marks. Its boxes are read back with pdf-lib; what reaches the bleed and
 * where the marks are is seen in a rendering of the pages (poppler).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';

const run = promisify(execFile);
const BLEED = (3 * 72) / 25.4;
let dir: string;
let out: string;

/** A flat blue picture for the cover. */
function art(): Buffer {
  const image = new PNG({ width: 300, height: 450 });
  for (let at = 0; at < image.data.length; at += 4) image.data.set([40, 90, 160, 255], at);
  return PNG.sync.write(image);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-bleed-'));
  out = join(dir, 'out');
  await writeFile(join(dir, 'art.png'), art());
  const essay = await readFile('source/unifying-the-struggle.md', 'utf8');
  await writeFile(join(dir, 'shop.md'), essay.replace(/^---\n/, '---\ncover: art.png\nbleed: 3mm\n'));
  await writeFile(join(dir, 'plain.md'), essay.replace(/^---\n/, '---\ncover: art.png\n'));
  await build({ files: [join(dir, 'shop.md')], out, progress: false, gallery: false, formats: ['reading', 'booklet'], marks: 'crop', concurrency: 1 });
  await build({ files: [join(dir, 'plain.md')], out, progress: false, gallery: false, formats: ['reading'], concurrency: 1 });
}, 300_000);

/** One page rendered in grey at 72 dpi (a pixel a point), as rows of grey levels from the top. */
async function render(file: string, page: number): Promise<{ width: number; height: number; grey: (x: number, y: number) => number }> {
  const prefix = join(dir, `render-${page}-${file.replace(/\W/g, '')}`);
  await run('pdftoppm', ['-gray', '-r', '72', '-singlefile', '-f', String(page), '-l', String(page), file, prefix]);
  const pgm = await readFile(`${prefix}.pgm`);
  const [, width = 0, height = 0] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))?.map(Number) ?? [];
  const header = pgm.length - width * height;
  return { width, height, grey: (x, y) => pgm[header + Math.round(y) * width + Math.round(x)] as number };
}

describe('the reading edition with bleed: 3mm', () => {
  it('has pages larger by the bleed on every side: TrimBox the page size, BleedBox and MediaBox the larger size', async () => {
    const doc = await PDFDocument.load(await readFile(join(out, 'shop', 'reading.pdf')));
    for (const page of doc.getPages()) {
      const media = page.getMediaBox();
      const trim = page.getTrimBox();
      expect(media.width).toBeCloseTo(396 + 2 * BLEED, 0);
      expect(media.height).toBeCloseTo(612 + 2 * BLEED, 0);
      expect([trim.width, trim.height]).toEqual([396, 612]);
      expect(trim.x).toBeCloseTo(BLEED, 1);
      expect(trim.y).toBeCloseTo(BLEED, 1);
      expect(page.getBleedBox()).toEqual(media);
    }
    // Without a bleed, no boxes but the page's own.
    const plain = await PDFDocument.load(await readFile(join(out, 'plain', 'reading.pdf')));
    expect(plain.getPage(0).getTrimBox()).toEqual(plain.getPage(0).getMediaBox());
    expect(plain.getPage(0).getMediaBox()).toMatchObject({ width: 396, height: 612 });
  });

  it('runs the full cover image into the bleed, to the edge of the larger page', async () => {
    const cover = await render(join(out, 'shop', 'reading.pdf'), 1);
    // The last pixel column and row are cut by the page's edge (413.04 pt): look one in.
    const [right, bottom] = [cover.width - 2, cover.height - 2];
    for (const [x, y] of [[0, 0], [right, 0], [0, bottom], [right, bottom], [2, cover.height / 3]] as const) {
      expect(cover.grey(x, y), `at ${x}, ${y}`).toBeLessThan(160);
    }
  });

  it('draws crop marks in the bleed, on the lines of the trim, and none with no --marks', async () => {
    const text = await render(join(out, 'shop', 'reading.pdf'), 2);
    // In the top bleed band, the darkest pixel is on the trim's left line (x = bleed), a mark, not page content.
    const band = Array.from({ length: Math.floor(text.width) }, (_, x) => Math.min(...[1, 2, 3, 4].map((y) => text.grey(x, y))));
    const dark = band.flatMap((grey, x) => (grey < 128 ? [x] : []));
    expect(dark.some((x) => Math.abs(x - BLEED) <= 2), `dark at ${dark.join(", ")}`).toBe(true);
    expect(dark.some((x) => Math.abs(x - (BLEED + 396)) <= 2), `dark at ${dark.join(', ')}`).toBe(true);
    expect(dark.every((x) => x < 2 * BLEED || x > 396)).toBe(true);
    const plain = await render(join(out, 'plain', 'reading.pdf'), 2);
    expect(Math.min(...Array.from({ length: plain.width }, (_, x) => plain.grey(x, 1)))).toBeGreaterThan(200);
  });

  it('imposes the booklet from the trim: the cover fills its half of the sheet to the sheet\'s edge, the bleed cut off', async () => {
    const sheet = await render(join(out, 'shop', 'booklet.pdf'), 1);
    expect([sheet.width, sheet.height]).toEqual([792, 612]);
    // The front cover's half: blue from the top edge to the bottom edge, right up to the spine.
    for (const [x, y] of [[600, 0], [600, 611], [397, 300], [791, 300]] as const) expect(sheet.grey(x, y), `at ${x}, ${y}`).toBeLessThan(160);
    // The back cover beside it stays white at its edge.
    expect(sheet.grey(200, 1)).toBeGreaterThan(200);
  });
});
