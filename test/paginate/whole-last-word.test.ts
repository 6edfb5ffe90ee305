import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readThrice, type TextFigures } from '../../scripts/bench/read-thrice.ts';
import { distinctLongWords } from '../helpers/documents.ts';
import { pageTurns, type PageTurn } from '../helpers/page-turns.ts';
import { readPages } from '../helpers/pdf.ts';

/**
 * A text in which most lines end at a soft hyphen and no word comes twice,
 * with notes continued overleaf, printed as the reading edition and read back
 * by poppler, MuPDF and pdf.js: no page's last line ends with a broken word,
 * so each reader's search finds every word of the text.
 */
let turns: PageTurn[];
let figures: TextFigures;
let notesLast: string[];

/** A line that ends with a word broken by a hyphen. */
const BROKEN = /\p{L}[-\u2010\u2011]$/u;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-whole-last-word-'));
  const file = join(dir, 'once.md');
  await writeFile(file, distinctLongWords());
  const out = join(dir, 'out');
  await build({ files: [file], out, progress: false, gallery: false, formats: ['reading'], concurrency: 1 });
  const pdf = join(out, 'once', 'reading.pdf');
  const pages = await readPages(await readFile(pdf));
  turns = pageTurns(pages);
  // The last line of each page's notes: the lowest line set smaller than the text, above the folio.
  notesLast = pages.flatMap((page, index) => {
    const small = page.words.filter((word) => word.height < 8.5 && word.y > 0.7 * 72 && /\p{L}/u.test(word.str));
    const lowest = Math.min(...small.map((word) => word.y));
    const line = small.filter((word) => Math.abs(word.y - lowest) < 1).sort((a, b) => a.x - b.x).map((word) => word.str).join(' ');
    return line === '' ? [] : [`page ${index + 1}: ${line}`];
  });
  figures = await readThrice({ pdf, source: file });
}, 300_000);

describe('the last line of a page', () => {
  it('never ends with a word broken by a hyphen', () => {
    expect(turns.length).toBeGreaterThanOrEqual(4);
    expect(turns.filter((turn) => BROKEN.test(turn.last)).map((turn) => `page ${turn.page}: ${turn.last}`)).toEqual([]);
  });

  it('of notes continued overleaf never ends with a word broken by a hyphen', () => {
    expect(notesLast.length).toBeGreaterThanOrEqual(3);
    expect(notesLast.filter((line) => BROKEN.test(line))).toEqual([]);
  });

  it('leaves every word whole for poppler, MuPDF and pdf.js', () => {
    for (const [engine, read] of Object.entries(figures.engines)) expect({ engine, missing: read.missing }).toEqual({ engine, missing: [] });
    expect(figures.words).toBeGreaterThan(1000);
  });
});
