/**
 * A book long enough to fold in signatures, built as a user would: the
 * booklet's table note, which reading pages land on each signature's outer
 * sheet, and the collation bars, seen in a rendering of the sheets.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildRow } from '../../scripts/build.ts';
import { essayRepeated } from '../helpers/documents.ts';
import { readPages, type PdfPage } from '../helpers/pdf.ts';

const run = promisify(execFile);
const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

let dir: string;
let rows: BuildRow[];
let reading: PdfPage[];
let booklet: PdfPage[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-signatures-'));
  const source = join(dir, 'book.md');
  await writeFile(source, essayRepeated(7));
  rows = await build({ files: [source], out: join(dir, 'out'), progress: false, formats: ['reading', 'booklet'], concurrency: 1 });
  reading = await readPages(await readFile(join(dir, 'out', 'book', 'reading.pdf')));
  booklet = await readPages(await readFile(join(dir, 'out', 'book', 'booklet.pdf')));
}, 300_000);

/** The text of the words on one half of a booklet side. */
const half = (side: PdfPage, which: 'left' | 'right') =>
  compact(side.words.filter((word) => (word.x + word.width / 2 < side.width / 2) === (which === 'left')).map((word) => word.str).join(''));
const page = (n: number) => compact((reading[n - 1]?.words ?? []).map((word) => word.str).join(''));

describe('a booklet of more than 8 sheets, built', () => {
  it('is folded in signatures of 4 sheets with creep for office paper, as its table row says', () => {
    const sheets = Math.ceil(reading.length / 4);
    expect(sheets).toBeGreaterThan(8);
    const signatures = Math.ceil(sheets / 4);
    const row = rows.find((one) => one.format === 'booklet');
    expect(row?.note).toMatch(new RegExp(`^${signatures} signatures of 4 sheets.*, creep 0\\.4 mm \\(office paper, 0\\.1 mm a sheet\\)$`));
    expect(booklet).toHaveLength(sheets * 2);
  });

  it('carries each signature\'s last and first pages on its outer sheet', () => {
    // Signature s (from 0) holds pages 16s+1 … 16s+16; its outer sheet is sheet 4s, side 8s+1.
    for (let s = 0; s * 16 < reading.length - 16; s++) {
      const outside = booklet[8 * s] as PdfPage;
      expect(half(outside, 'right'), `signature ${s + 1}`).toBe(page(16 * s + 1));
      expect(half(outside, 'left'), `signature ${s + 1}`).toBe(page(16 * s + 16));
    }
  });

  it('tells how to fold the signatures in the gallery, not one stack', async () => {
    const gallery = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect(gallery).toContain('It is folded in signatures of 4 sheets: sheets 1–4 make the first, 5–8 the second');
    expect(gallery).not.toContain('Fold the stack in half along the spine ticks, so that sheet 1 wraps the others.');
  });

  it('prints a black bar on each signature\'s spine, one step lower than the one before', async () => {
    const bars: number[] = [];
    for (let s = 0; s * 16 < reading.length; s++) {
      const prefix = join(dir, `side-${s}`);
      await run('pdftoppm', ['-gray', '-r', '72', '-singlefile', '-f', String(8 * s + 1), '-l', String(8 * s + 1), join(dir, 'out', 'book', 'booklet.pdf'), prefix]);
      const pgm = await readFile(`${prefix}.pgm`);
      const [, width = 0, height = 0] = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))?.map(Number) ?? [];
      const header = pgm.length - width * height;
      // The darkest run down the fold (x = 396 pt = pixel 396 at 72 dpi): where the bar is.
      const column = Array.from({ length: height }, (_, y) => pgm[header + y * width + width / 2] as number);
      const black = column.flatMap((grey, y) => (grey < 40 ? [y] : []));
      expect(black.length, `signature ${s + 1}`).toBeGreaterThanOrEqual(17);
      bars.push(black[0] as number);
    }
    expect(bars.length).toBeGreaterThan(2);
    for (let s = 1; s < bars.length; s++) expect((bars[s] as number) - (bars[s - 1] as number)).toBeCloseTo(18, -0.5);
  });
});
