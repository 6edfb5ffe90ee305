import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { hyphenateText, hyphenatorFor, SOFT_HYPHEN } from '../../scripts/markdown/hyphenate.ts';
import { hyphenatedProse } from '../helpers/documents.ts';
import { bodyLines, bodySize, lettersOf, numbered, pageTurns, type PageTurn } from '../helpers/page-turns.ts';
import { readPages, type PdfPage } from '../helpers/pdf.ts';

/**
 * A document whose lines mostly end at a soft hyphen, with notes long enough
 * to be continued overleaf, printed as the reading and the large-print
 * editions and read back as a reader would.
 */
const MARKDOWN = hyphenatedProse();
const hyphenate = hyphenatorFor('en');
const letters = (text: string): string => text.replace(/[^\p{L}]/gu, '');
const WORDS = new Set(MARKDOWN.replace(/^---[\s\S]*?---/, '').replace(/\[\^p\d+\]:?/g, ' ').split(/\s+/).map(letters));

/** Where the language lets `word` break: how many letters may stand before the hyphen. */
function breakPoints(word: string): number[] {
  if (!hyphenate) throw new Error('no English hyphenation patterns');
  const points: number[] = [];
  let before = 0;
  for (const char of hyphenateText(word, hyphenate)) {
    if (char === SOFT_HYPHEN) points.push(before);
    else before += letters(char).length;
  }
  return points;
}

/** What is wrong at a page turn, as a reader reads it: a word split where the language does not break it, or a scrap of a line. */
function faultAt(turn: PageTurn): string | undefined {
  const tail = turn.last.split(' ').at(-1) ?? '';
  const head = turn.first.split(' ')[0] ?? '';
  if (lettersOf(turn.last) <= 2 || lettersOf(turn.first) <= 2) return 'a line of one or two letters';
  if (/\p{L}-$/u.test(tail)) {
    const before = letters(tail);
    const word = before + letters(head);
    if (!WORDS.has(word)) return `"${tail}" / "${head}" is no word of the text`;
    if (!breakPoints(word).includes(before.length)) return `"${word}" broken after ${before.length} letters, at none of its hyphenation points`;
    return undefined;
  }
  if (!WORDS.has(letters(tail)) || !WORDS.has(letters(head))) return `"${tail}" / "${head}" split without a hyphen`;
  return undefined;
}

const faults = (pages: PdfPage[]): string[] =>
  pageTurns(pages).flatMap((turn) => {
    const fault = faultAt(turn);
    return fault ? [`after page ${turn.page}: ${fault}`] : [];
  });

let reading: PdfPage[];
let largePrint: PdfPage[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-turns-'));
  const file = join(dir, 'turns.md');
  await writeFile(file, MARKDOWN);
  const out = join(dir, 'out');
  await build({ files: [file], out, progress: false, gallery: false, formats: ['reading', 'large-print'], concurrency: 1 });
  reading = await readPages(await readFile(join(out, 'turns', 'reading.pdf')));
  largePrint = await readPages(await readFile(join(out, 'turns', 'large-print.pdf')));
}, 240_000);

describe('page turns in a text of long words', () => {
  it('end pages at a hyphenation point of the word, with its hyphen, never mid-syllable nor on a scrap of a line', () => {
    const turns = pageTurns(reading);
    expect(turns.length).toBeGreaterThan(10);
    expect(faults(reading)).toEqual([]);
    // Most fall inside a sentence: the document is made for that; none inside a word (whole-last-word.ts).
    expect(turns.filter((turn) => !turn.last.endsWith('.')).length).toBeGreaterThanOrEqual(8);
    expect(turns.filter((turn) => turn.last.endsWith('-')).map((turn) => `page ${turn.page}: ${turn.last}`)).toEqual([]);
  });

  it('split no word in the large-print edition, in the text or in its notes', () => {
    expect(pageTurns(largePrint).length).toBeGreaterThan(10);
    expect(faults(largePrint)).toEqual([]);
    const split = largePrint.flatMap((page, index) =>
      page.words.filter((word) => /\p{L}-$/u.test(word.str.trim())).map((word) => `page ${index + 1}: ${word.str}`),
    );
    expect(split).toEqual([]);
  });

  it('are set, in the large-print edition, at 16 pt or more, folios and running heads too', () => {
    const small = largePrint.flatMap((page, index) =>
      page.words.filter((word) => /[\p{L}\d]/u.test(word.str) && word.height < 15.9).map((word) => `page ${index + 1}: ${word.str} at ${word.height} pt`),
    );
    expect(small).toEqual([]);
    const body = bodySize(largePrint);
    // The pages of text: between the cover and the colophon and back cover (a notes page, if any, holds no body text).
    const textPages = largePrint
      .map((page, index) => ({ page, number: index + 1 }))
      .slice(1, -2)
      .filter(({ page }) => bodyLines(page, body).length > 3);
    expect(textPages.length).toBeGreaterThan(10);
    // The folio: the page's number alone, below the text.
    const unnumbered = textPages.filter(({ page, number }) => !numbered(page, number));
    expect(unnumbered.map(({ number }) => number)).toEqual([]);
    // The running head: the title, above the text, on every text page but the first.
    const unheaded = textPages.slice(1).filter(({ page }) => !page.words.some((word) => word.str.includes('Long words at page turns') && word.y > page.height - 60));
    expect(unheaded.map(({ number }) => number)).toEqual([]);
  });
});
