import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readPrinted } from '../../scripts/formats/read-back/printed-text.ts';
import { pageTurns } from '../helpers/page-turns.ts';
import { readPages } from '../helpers/pdf.ts';

/**
 * A text whose every word begins with a ligature of the text face (fi, fl),
 * so that every paragraph and every page turn between words begins with one,
 * printed and read back with pdf.js and poppler. A ligature drawn at the head
 * of a paragraph or of a page once carried only its first letter's text:
 * "fire" read "fre", "flame" "fame".
 */
const WORDS = ['fire', 'fight', 'first', 'fifty', 'file', 'film', 'find', 'fine', 'fish', 'fist', 'five', 'flag', 'flame', 'flat', 'flee', 'flip', 'floor', 'flow', 'fly'];

/** A word with its second letter lost, as a ligature that keeps only its first letter's text reads. */
const withoutSecond = (word: string): string => word.slice(0, 1) + word.slice(2);

function markdown(paragraphs = 24, length = 110): string {
  const body = Array.from({ length: paragraphs }, (_, p) => {
    const words = Array.from({ length }, (_, i) => WORDS[(i * 7 + p * 5 + (i >> 3)) % WORDS.length] ?? 'fire');
    // A sentence every 11 words: the lines end at full stops and commas as well as between words.
    return words.map((word, i) => (i % 11 === 10 ? `${word}.` : i % 5 === 4 ? `${word},` : word)).join(' ').replace(/,?$/, '.');
  });
  return `---\ntitle: First letters\n---\n\n${body.join('\n\n')}\n`;
}

/** The words of `text` that are words of the document with their second letter lost. */
function lostLetters(text: string): string[] {
  const lost = new Map(WORDS.map((word) => [withoutSecond(word), word]));
  return (text.match(/\p{L}+/gu) ?? []).filter((word) => lost.has(word)).map((word) => `${word} (${lost.get(word) ?? ''})`);
}

let pdfjs: { page: number; text: string }[];
let poppler: { page: number; text: string }[];
let turns: { page: number; last: string; first: string }[];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-first-letters-'));
  const file = join(dir, 'first-letters.md');
  await writeFile(file, markdown());
  const out = join(dir, 'out');
  await build({ files: [file], out, progress: false, gallery: false, formats: ['reading'], concurrency: 1 });
  const pdf = await readFile(join(out, 'first-letters', 'reading.pdf'));
  const pages = await readPages(pdf);
  turns = pageTurns(pages);
  pdfjs = pages.map((page, index) => ({ page: index + 1, text: page.text }));
  poppler = (await readPrinted(pdf)).map((page) => ({ page: page.number, text: page.lines.map((line) => line.text).join('\n') }));
}, 240_000);

describe('a ligature at the head of a paragraph or a page', () => {
  it('is a case the document has: pages that turn between two words, paragraphs that begin past the first page', () => {
    // The sanity of the check: no word of the text is another with its second letter lost.
    expect(WORDS.filter((word) => WORDS.includes(withoutSecond(word)))).toEqual([]);
    const betweenWords = turns.filter((turn) => !turn.last.endsWith('-') && turn.first.startsWith('f'));
    expect(betweenWords.length).toBeGreaterThanOrEqual(2);
    expect(turns.length).toBeGreaterThanOrEqual(4);
  });

  it('reads whole in pdf.js', () => {
    const lost = pdfjs.flatMap(({ page, text }) => lostLetters(text).map((word) => `page ${page}: ${word}`));
    expect(lost).toEqual([]);
    // The words at the head of each page turn read as they were written.
    const heads = turns.filter((turn) => !turn.last.endsWith('-')).map((turn) => turn.first.split(' ')[0]?.replace(/[.,]$/, ''));
    expect(heads.filter((word) => !WORDS.includes(word ?? ''))).toEqual([]);
  });

  it('reads whole in poppler (pdftotext)', () => {
    const lost = poppler.flatMap(({ page, text }) => lostLetters(text).map((word) => `page ${page}: ${word}`));
    expect(lost).toEqual([]);
    const words = poppler.flatMap(({ text }) => text.match(/\bf\p{L}+/gu) ?? []);
    expect(words.length).toBeGreaterThan(1000);
  });
});
