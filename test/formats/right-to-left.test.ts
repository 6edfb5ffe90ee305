/**
 * Right-to-left zines built end to end from real public text (the Universal
 * Declaration of Human Rights in Arabic and in Hebrew), and an English
 * handout quoting a Hebrew paragraph, read back as a reader would check them.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { turnOf, wordBox } from '../helpers/boxes.ts';
import { readPages, type PdfPage, type Word } from '../helpers/pdf.ts';

const FIXTURES = 'test/fixtures/build';
const ARABIC = `${FIXTURES}/rtl-arabic/udhr-ar.md`;
const HEBREW = `${FIXTURES}/rtl-hebrew/udhr-he.md`;
const ENGLISH = `${FIXTURES}/rtl-in-english/article-1.md`;
/** Half-letter page: 396 pt wide; page.css sets 0.5in outer and 0.6in inner margins. */
const WIDTH = 396;
const OUTER = 36;
const INNER = 43.2;
/** The essay's first-line indent: 1.2em of 10 pt. */
const INDENT = 12;
const HEBREW_LETTER = /\p{Script=Hebrew}/u;

let out: string;
const pdfs: Record<string, PdfPage[]> = {};

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'zine-rtl-'));
  await build({ files: [ARABIC, HEBREW, ENGLISH], out, progress: false, gallery: false, formats: ['reading', 'booklet'] });
  // In a folder of its own: a build of the mini alone leaves only the mini in its document's folder.
  const miniOut = await mkdtemp(join(tmpdir(), 'zine-rtl-mini-'));
  await build({ files: [ARABIC], out: miniOut, progress: false, gallery: false, formats: ['mini'] });
  for (const [name, document, file] of [
    ['ar', 'udhr-ar', 'reading.pdf'],
    ['ar booklet', 'udhr-ar', 'booklet.pdf'],
    ['he', 'udhr-he', 'reading.pdf'],
    ['he booklet', 'udhr-he', 'booklet.pdf'],
    ['en', 'article-1', 'reading.pdf'],
  ] as const) {
    pdfs[name] = await readPages(await readFile(join(out, document, file)));
  }
  pdfs['ar mini'] = await readPages(await readFile(join(miniOut, 'udhr-ar', 'mini.pdf')));
}, 300_000);

const pdf = (name: string): PdfPage[] => pdfs[name] as PdfPage[];
const page = (name: string, number: number): PdfPage => pdf(name)[number - 1] as PdfPage;
const sizeOf = (word: Word): number => Math.hypot(word.transform[0] ?? 0, word.transform[1] ?? 0);

interface Line {
  y: number;
  left: number;
  right: number;
  text: string;
}

/**
 * The upright lines of a page set in one type size (body 10, heads 7, folios
 * 8.5), top first. Marks of no width (Arabic vowel signs, drawn a little off
 * the baseline) are left out.
 */
function lines(of: PdfPage, size: number): Line[] {
  const words = of.words.filter((word) => turnOf(word) === 0 && word.width > 0.5 && Math.abs(sizeOf(word) - size) < 0.05);
  const byY = new Map<number, Word[]>();
  for (const word of words) {
    // Naskh draws some glyphs off the baseline: a line is what lies within 0.6 em of it.
    const key = [...byY.keys()].find((y) => Math.abs(y - word.y) < 0.6 * size) ?? word.y;
    byY.set(key, [...(byY.get(key) ?? []), word]);
  }
  return [...byY.entries()]
    .map(([y, on]) => ({
      y,
      left: Math.min(...on.map((word) => word.x)),
      right: Math.max(...on.map((word) => word.x + word.width)),
      text: on.map((word) => word.str).join(''),
    }))
    .sort((a, b) => b.y - a.y);
}

/** The cover title's type size: the largest upright type on the page (the design sets it by the title's length). */
function titleSize(of: PdfPage): number {
  return Math.max(...of.words.filter((word) => turnOf(word) === 0 && word.width > 0.5).map(sizeOf));
}

/** In a right-to-left book an odd page is a left-hand page: its outer margin is on the left. */
function textBlock(number: number, dir: 'rtl' | 'ltr'): { left: number; right: number } {
  const leftHand = (number % 2 === 1) === (dir === 'rtl');
  return leftHand ? { left: OUTER, right: WIDTH - INNER } : { left: INNER, right: WIDTH - OUTER };
}

/**
 * Checks that every body line ends at the text block's right edge, a
 * paragraph's first line one indent in. (A paragraph after a heading is
 * indented too: Paged.js rewrites `h2 + p` into a rule that `.essay p` outweighs.)
 */
function expectFlushRight(of: PdfPage, block: { left: number; right: number }, which: (line: Line) => boolean = () => true) {
  const body = lines(of, 10).filter(which);
  expect(body.length).toBeGreaterThanOrEqual(3);
  for (const line of body) {
    const short = block.right - line.right;
    expect(Math.abs(short) < 1 || Math.abs(short - INDENT) < 1, `line at y=${line.y.toFixed(0)} ends ${short.toFixed(1)} pt short of the right edge`).toBe(true);
    expect(line.left).toBeGreaterThan(block.left - 1);
  }
  // The last line of a paragraph is short: it ends at the right edge too, ragged on the left.
  expect(body.some((line) => line.left > block.left + 40 && Math.abs(block.right - line.right) < 1)).toBe(true);
}

describe('an Arabic zine (lang: ar)', () => {
  it('has every page: the essay runs over two pages and more, the reading edition is 8', () => {
    expect(pdf('ar')).toHaveLength(8);
    expect(lines(page('ar', 2), 10).length).toBeGreaterThan(20);
    expect(lines(page('ar', 3), 10).length).toBeGreaterThan(10);
  });

  it('ends every line of the essay flush right, on a right-hand (even) and a left-hand (odd) page', () => {
    expectFlushRight(page('ar', 2), textBlock(2, 'rtl'));
    expectFlushRight(page('ar', 3), textBlock(3, 'rtl'));
  });

  it('mirrors folios and running heads: on the outer edge, the left of odd pages', () => {
    for (const number of [2, 3]) {
      const outerLeft = number % 2 === 1;
      const [folio] = lines(page('ar', number), 8.5);
      const [head] = lines(page('ar', number), 7);
      expect(folio?.text).toBe(String(number));
      // At the outer edge of the text block, give or take a glyph's side bearing.
      const [folioEdge, headEdge, edge] = outerLeft
        ? [folio?.left, head?.left, OUTER]
        : [folio?.right, head?.right, WIDTH - OUTER];
      expect(Math.abs((folioEdge ?? 0) - edge)).toBeLessThan(2);
      expect(Math.abs((headEdge ?? 0) - edge)).toBeLessThan(2);
    }
  });

  it('puts the card\'s cut line and stub on the spine side: the right of its front, the left of its back', () => {
    const n = pdf('ar').length;
    const instruction = (number: number) =>
      // The only text set turned on the card's pages: the instruction along the cut line, in Arabic.
      page('ar', number).words.filter((word) => turnOf(word) !== 0 && /\p{Script=Arabic}/u.test(word.str)).map(wordBox);
    const front = instruction(n - 3);
    const back = instruction(n - 2);
    expect(front.length).toBeGreaterThan(0);
    expect(back.length).toBeGreaterThan(0);
    for (const box of front) expect(box.left).toBeGreaterThan(WIDTH - 60);
    for (const box of back) expect(box.right).toBeLessThan(60);
  });

  it('binds the booklet on the right: the front cover on the left half of sheet 1\'s outside, page 2 behind it', () => {
    const [outside, inside] = pdf('ar booklet');
    const cover = lines(outside as PdfPage, titleSize(outside as PdfPage));
    expect(cover.length).toBeGreaterThan(0);
    for (const line of cover) expect(line.right).toBeLessThan(WIDTH);
    const folio = lines(inside as PdfPage, 8.5).find((line) => line.text === '2');
    expect(folio?.left).toBeGreaterThan(WIDTH);
  });

  it('runs the mini zine\'s rows the other way: the front cover at the bottom left of the sheet', () => {
    const [sheet] = pdf('ar mini');
    const upright = (sheet as PdfPage).words.filter((word) => turnOf(word) === 0);
    const largest = Math.max(...upright.map(sizeOf));
    const title = upright.filter((word) => Math.abs(sizeOf(word) - largest) < 0.05).map(wordBox);
    expect(title.length).toBeGreaterThan(0);
    // Cells are a quarter of the 792 pt sheet wide and half of its 612 pt high.
    for (const box of title) {
      expect(box.right).toBeLessThan(198);
      expect(box.top).toBeLessThan(306);
    }
  });
});

describe('a Hebrew zine (lang: he)', () => {
  it('keeps every article: no text lost on the way to more than one page', () => {
    expect(pdf('he')).toHaveLength(8);
    const text = pdf('he').map((p) => p.text).join(' ');
    for (const word of ['הואיל', 'בתבונה', 'לעינויים', 'כאישיות', 'להפליה']) expect(text).toContain(word);
    expect(lines(page('he', 2), 10).length).toBeGreaterThan(20);
    expect(lines(page('he', 3), 10).length).toBeGreaterThan(5);
  });

  it('ends every line of the essay flush right', () => {
    expectFlushRight(page('he', 2), textBlock(2, 'rtl'));
    expectFlushRight(page('he', 3), textBlock(3, 'rtl'), (line) => line.y > 100);
  });

  it('sets the footnote right to left: its marker at the right of its line', () => {
    const notePage = pdf('he').find((p) => lines(p, 8).some((line) => line.text.includes('1948')));
    expect(notePage).toBeDefined();
    const marker = (notePage as PdfPage).words.find((word) => word.str.trim() === '*' && sizeOf(word) < 9 && word.y < 120);
    const noteLine = lines(notePage as PdfPage, 8).find((line) => Math.abs(line.y - (marker?.y ?? 0)) < 1);
    expect(marker).toBeDefined();
    expect((marker as Word).x).toBeGreaterThan((noteLine as Line).right - 12);
  });

  it('binds the booklet on the right', () => {
    const [outside] = pdf('he booklet');
    const cover = lines(outside as PdfPage, titleSize(outside as PdfPage));
    expect(cover.length).toBeGreaterThan(0);
    for (const line of cover) expect(line.right).toBeLessThan(WIDTH);
  });
});

describe('an English handout quoting a Hebrew paragraph', () => {
  it('sets the Hebrew paragraph right to left by itself, and the English ones left to right', () => {
    const essay = page('en', 2);
    const block = textBlock(2, 'ltr');
    const body = lines(essay, 10);
    const hebrew = body.filter((line) => HEBREW_LETTER.test(line.text));
    const english = body.filter((line) => !HEBREW_LETTER.test(line.text));
    expect(hebrew.length).toBeGreaterThanOrEqual(2);
    expectFlushRight(essay, block, (line) => HEBREW_LETTER.test(line.text));
    // English lines start at the left edge (a first line one indent in); the book stays left-bound.
    for (const line of english) {
      const start = line.left - block.left;
      expect(Math.abs(start) < 1 || Math.abs(start - INDENT) < 1, `English line "${line.text.slice(0, 20)}" starts ${start.toFixed(1)} pt in`).toBe(true);
    }
    const [folio] = lines(essay, 8.5);
    expect(folio?.left).toBeCloseTo(OUTER, 0);
  });
});
