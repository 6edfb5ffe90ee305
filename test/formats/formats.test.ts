import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildRow } from '../../scripts/build.ts';
import type { LaidOut } from '../../scripts/util/reporter.ts';
import { turnOf, wordBox } from '../helpers/boxes.ts';
import { readPages, type PdfPage, type Word } from '../helpers/pdf.ts';

const ESSAY = 'source/unifying-the-struggle.md';
const POCKET = 'source/unifying-the-struggle-pocket.md';
const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');
/** Office printers cannot print the outer quarter inch of a sheet. */
const SAFE = 18;

let out: string;
let rows: BuildRow[];
/** The first build's warnings. */
const warnings: string[] = [];
/** The page counts of the essay's mini zine layouts in the first build, in order. */
const essayMinis: number[] = [];
const pdfs: Record<string, PdfPage[]> = {};

async function read(document: string, file: string): Promise<PdfPage[]> {
  return readPages(await readFile(join(out, document, file)));
}

/** The compacted text of the words whose centre lies in [x0, x1] × [y0, y1]. */
function textIn(page: PdfPage, x0: number, x1: number, y0: number, y1: number): string {
  const inside = page.words.filter((word) => {
    const box = wordBox(word);
    const cx = (box.left + box.right) / 2;
    const cy = (box.bottom + box.top) / 2;
    return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
  });
  return compact(inside.map((word) => word.str).join(''));
}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'zine-formats-'));
  const laidOut = ({ source, trim, report }: LaidOut) => {
    if (source === ESSAY && trim === 'mini') essayMinis.push(report.pageCount);
  };
  rows = await build({ files: [ESSAY, POCKET], out, progress: false, reporter: { warn: (line) => warnings.push(line), laidOut } });
  pdfs['reading'] = await read('unifying-the-struggle', 'reading.pdf');
  pdfs['booklet'] = await read('unifying-the-struggle', 'booklet.pdf');
  pdfs['slips'] = await read('unifying-the-struggle', 'slips.pdf');
  pdfs['mini'] = await read('unifying-the-struggle-pocket', 'mini.pdf');
}, 180_000);

describe('one build of the essay and its pocket version', () => {
  it('makes every format that fits (the essay fits the 16-page mini zine), and only the mini zine for the pocket version', () => {
    const made = rows.map((row) => `${row.document} ${row.format}`).sort();
    expect(made).toEqual([
      'unifying-the-struggle booklet',
      'unifying-the-struggle mini',
      'unifying-the-struggle reading',
      'unifying-the-struggle slips',
      'unifying-the-struggle web',
      'unifying-the-struggle-pocket mini',
    ]);
  });

  it('imposes the reading pages on booklet sheets in saddle-stitch order', () => {
    const reading = pdfs['reading'] as PdfPage[];
    const booklet = pdfs['booklet'] as PdfPage[];
    const n = reading.length;
    expect(booklet).toHaveLength(n / 2);
    booklet.forEach((side, index) => {
      expect(side.width).toBeCloseTo(792, 0);
      expect(side.height).toBeCloseTo(612, 0);
      const k = Math.floor(index / 2);
      const [left, right] = index % 2 === 0 ? [n - 2 * k, 1 + 2 * k] : [2 + 2 * k, n - 1 - 2 * k];
      expect(textIn(side, 0, 396, 0, 612), `sheet ${k} left`).toBe(compact(reading[left - 1]?.text ?? ''));
      expect(textIn(side, 396, 792, 0, 612), `sheet ${k} right`).toBe(compact(reading[right - 1]?.text ?? ''));
    });
  });

  it('keeps the card leaf off the cover leaf', () => {
    const booklet = pdfs['booklet'] as PdfPage[];
    const outerSheet = compact(`${booklet[0]?.text} ${booklet[1]?.text}`);
    expect(outerSheet).not.toContain(compact('How to Send Mail to Chrystul Kizer'));
    expect(outerSheet).not.toContain(compact('your return address'));
    expect(compact(booklet.map((side) => side.text).join(' '))).toContain(compact('How to Send Mail to Chrystul Kizer'));
  });

  it('puts the mini zine’s front cover upright in the bottom-right cell, on one sheet', () => {
    const mini = pdfs['mini'] as PdfPage[];
    expect(mini).toHaveLength(1);
    const sheet = mini[0] as PdfPage;
    const title = sheet.words.filter((word) => word.str.includes('Unifying'));
    const cover = title.find((word) => turnOf(word) === 0 && wordBox(word).left > 594 && wordBox(word).top < 306);
    expect(cover, 'title upright in the bottom-right cell').toBeDefined();
    // Pages 2 to 5 sit in the top row, turned 180°.
    const topRow = sheet.words.filter((word) => wordBox(word).bottom > 306);
    expect(topRow.length).toBeGreaterThan(50);
    expect(topRow.every((word) => turnOf(word) === 180)).toBe(true);
  });

  it('backs every card front with its back on the slips sheet', () => {
    const [front, back] = pdfs['slips'] as [PdfPage, PdfPage];
    expect(pdfs['slips']).toHaveLength(2);
    const fronts = front.words.filter((word) => word.str.startsWith('How to Send Mail'));
    const backs = back.words.filter((word) => word.str.includes('your return address'));
    expect(fronts).toHaveLength(4);
    expect(backs).toHaveLength(4);
    // Printed duplex and flipped on the long edge, the back of the cell at x lands at width − x.
    const cells = (words: Word[], mirror: boolean) =>
      words
        .map((word) => {
          const box = wordBox(word);
          const cx = (box.left + box.right) / 2;
          return `${Math.floor((mirror ? front.width - cx : cx) / (front.width / 2))},${Math.floor((box.bottom + box.top) / 2 / (front.height / 2))}`;
        })
        .sort();
    expect(cells(backs, true)).toEqual(cells(fronts, false));
  });

  it('keeps all text of every imposed sheet a quarter inch from the edges', () => {
    for (const name of ['booklet', 'mini', 'slips']) {
      for (const [index, sheet] of (pdfs[name] as PdfPage[]).entries()) {
        for (const word of sheet.words) {
          const box = wordBox(word);
          const where = `${name} side ${index + 1}: "${word.str}"`;
          expect(box.left, where).toBeGreaterThanOrEqual(SAFE);
          expect(box.bottom, where).toBeGreaterThanOrEqual(SAFE);
          expect(sheet.width - box.right, where).toBeGreaterThanOrEqual(SAFE);
          expect(sheet.height - box.top, where).toBeGreaterThanOrEqual(SAFE);
        }
      }
    }
  });

  it('dates every PDF from the front matter and keeps its title and language', async () => {
    const files = ['reading.pdf', 'booklet.pdf', 'slips.pdf'].map((file) => join(out, 'unifying-the-struggle', file));
    for (const file of [...files, join(out, 'unifying-the-struggle-pocket', 'mini.pdf')]) {
      const doc = await PDFDocument.load(await readFile(file), { updateMetadata: false });
      expect(doc.getCreationDate()?.toISOString(), file).toBe('2025-03-08T00:00:00.000Z');
      expect(doc.getTitle(), file).toMatch(/^Unifying the Struggle/);
      expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString, PDFHexString).decodeText(), file).toBe('en');
    }
  });

  // The mini zine's size search lays out no larger size the last layout shows cannot fit (formats/mini-predict.ts).
  it('leaves the essay its mini zine at 7.5 pt on 16 pages, from one layout of it', () => {
    const mini = rows.find((row) => row.document === 'unifying-the-struggle' && row.format === 'mini');
    expect(mini?.note).toBe('16 pages on both sides, type at 7.5 pt');
    expect(essayMinis).toEqual([16]);
  });

  it('sets the pocket essay\'s mini zine ragged: justified in its narrow column, it opened holes', () => {
    const pocket = warnings.filter((line) => line.startsWith(POCKET));
    expect(pocket.filter((line) => /read back from the mini layout, page \d+: a justified line opens a word space/.test(line))).toEqual([]);
  });

  it('gives byte-identical PDFs when built again, the gallery left out', async () => {
    const again = await mkdtemp(join(tmpdir(), 'zine-again-'));
    // The gallery pictures the pages once they are printed: the PDFs are the same without it.
    await build({ files: [ESSAY, POCKET], out: again, progress: false, gallery: false });
    for (const document of ['unifying-the-struggle', 'unifying-the-struggle-pocket']) {
      const files = (await readdir(join(out, document))).filter((file) => file.endsWith('.pdf'));
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const first = await readFile(join(out, document, file));
        const second = await readFile(join(again, document, file));
        expect(second.equals(first), `${document}/${file}`).toBe(true);
      }
    }
  }, 180_000);
});
