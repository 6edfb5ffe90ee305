/**
 * A text too long for the 8-page mini zine but not for 16 pages, built as a
 * user would: it becomes the 16-page zine, both sides of one sheet, the
 * cover where the diagram says and the text's first page behind it.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildRow } from '../../scripts/build.ts';
import { readPages, type PdfPage } from '../helpers/pdf.ts';

const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

let rows: BuildRow[];
let mini: PdfPage[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-mini16-'));
  // The pocket version (8 pages at 8 pt or more) with its text twice: too long for 8 pages.
  const pocket = await readFile('source/unifying-the-struggle-pocket.md', 'utf8');
  const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(pocket) ?? [];
  const text = body.replace(/^::::tear-off[\s\S]*?^::::\s*$/m, '');
  const source = join(dir, 'pocket-twice.md');
  await writeFile(source, `---\n${front.replace(/^formats:.*$/m, '')}\n---\n${body}\n\n## Again\n\n${text}`);
  rows = await build({ files: [source], out: join(dir, 'out'), progress: false, gallery: false, formats: ['mini'], concurrency: 1 });
  mini = await readPages(await readFile(join(dir, 'out', 'pocket-twice', 'mini.pdf')));
}, 300_000);

/** The text of the cell (row 0 at the top, column from the left) of a 4 × 2 side. */
function cell(side: PdfPage, row: number, column: number): string {
  const words = side.words.filter((word) => {
    const x = word.x + word.width / 2;
    return Math.floor(x / (side.width / 4)) === column && (word.y > side.height / 2 ? 0 : 1) === row;
  });
  return compact(words.map((word) => word.str).join(' '));
}

describe('a text too long for 8 mini pages, built', () => {
  it('is made as the 16-page zine, as its table row says', () => {
    expect(rows.map((row) => [row.format, row.pages, row.sheets])).toEqual([['mini', 16, 1]]);
    expect(rows[0]?.note).toMatch(/^16 pages on both sides, type at [\d.]+ pt$/);
    expect(mini.map((side) => [side.width, side.height])).toEqual([[792, 612], [792, 612]]);
  });

  it('puts the cover in the front\'s top row, second cell, and the text\'s first page behind it', () => {
    const [front, back] = mini as [PdfPage, PdfPage];
    expect(cell(front, 0, 1)).toContain(compact('Unifying the Struggle'));
    // Page 2 lies behind page 1: the back's top row, third cell, once the sheet is turned over like a book page.
    expect(cell(back, 0, 2).startsWith(compact('I’m not sure when I first saw'))).toBe(true);
    // Every cell of both sides carries something: 16 pages, none left blank by the imposition.
    const empty = [front, back].flatMap((side, s) => [0, 1].flatMap((row) => [0, 1, 2, 3].filter((column) => cell(side, row, column) === '').map((column) => `${s}:${row},${column}`)));
    expect(empty).toEqual([]);
  });
});
