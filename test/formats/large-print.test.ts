/**
 * The large-print edition, measured in its PDF as a reader's viewer reads it:
 * the size the text is set at, and the booklet made from it.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { wantedFormats } from '../../scripts/formats/make.ts';
import { readPages, type PdfPage, type Word } from '../helpers/pdf.ts';

const SOURCE = fileURLToPath(new URL('../../source', import.meta.url));

let large: PdfPage[];
let booklet: PdfPage[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-large-'));
  // Built in the test's process, without the gallery: its PDFs are what is read here (a `zine` run added its
  // process, its own markdown worker and the thumbnails).
  await build({ files: [join(SOURCE, 'unifying-the-struggle.md')], out: dir, formats: ['large-print'], progress: false, gallery: false, reporter: { warn: () => undefined } });
  const read = async (file: string) => readPages(new Uint8Array(await readFile(join(dir, 'unifying-the-struggle', file))));
  [large, booklet] = await Promise.all([read('large-print.pdf'), read('large-print-booklet.pdf')]);
});

/** The size a word is set at, in points: the text matrix's vertical scale (a PDF unit is a point). */
const size = (word: Word) => Math.hypot(word.transform[2] ?? 0, word.transform[3] ?? 0);

describe('the large-print edition', () => {
  it('is made only when asked for by name', () => {
    expect(wantedFormats(undefined, undefined).has('large-print')).toBe(false);
    expect(wantedFormats(['large-print'], undefined).get('large-print')).toBe('asked');
    expect(wantedFormats(undefined, ['large-print', 'reading']).has('large-print')).toBe(true);
  });

  it('sets the essay and its notes at 16 pt or more, on half-letter pages', () => {
    expect(large[0]?.width).toBeCloseTo(396, 0);
    const essay = large.slice(1, -4).flatMap((page) => page.words).filter((word) => /\p{L}/u.test(word.str));
    // Runs of text, however the PDF cuts them: together they hold the essay's 10,500 letters.
    expect(essay.reduce((letters, word) => letters + word.str.replace(/\P{L}/gu, '').length, 0)).toBeGreaterThan(9_000);
    const sizes = essay.map(size).sort((a, b) => a - b);
    // Every word of the running text and the notes; the running heads and folios are the margins' own.
    const body = sizes.filter((value) => value >= 12);
    expect(body.length / sizes.length).toBeGreaterThan(0.85);
    expect(body[0]).toBeGreaterThanOrEqual(15.9);
    // The first note: its lines, from its defined word down to the page's foot (PDF y grows upwards).
    const note = large.find((page) => page.text.includes('Internationalist:')) as PdfPage;
    const top = note.words.find((word) => word.str.trim() === '*' && word.y < note.height / 2)?.y ?? 0;
    const noteWords = note.words.filter((word) => word.y <= top + 1 && word.y > 40);
    expect(noteWords.length).toBeGreaterThanOrEqual(3);
    for (const word of noteWords) expect(size(word)).toBeGreaterThanOrEqual(15.9);
  });

  it('comes with its booklet: a multiple of 4 pages, two to a side of a landscape sheet', () => {
    expect(large.length % 4).toBe(0);
    expect(booklet).toHaveLength(large.length / 2);
    expect(booklet[0]?.width).toBeCloseTo(792, 0);
  });
});
