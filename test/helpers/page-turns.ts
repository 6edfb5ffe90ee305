import type { PdfPage } from './pdf.ts';

/** One page turn of the running text: the last line of body text of a page and the first of the next. */
export interface PageTurn {
  /** The page the turn comes after (1-based). */
  page: number;
  last: string;
  first: string;
}

const sizeOf = (height: number): number => Math.round(height * 10) / 10;

/** The size most letters of the document are set at: its body text's (running heads, folios and notes are smaller, headings larger). */
export function bodySize(pages: PdfPage[]): number {
  const letters = new Map<number, number>();
  for (const word of pages.flatMap((page) => page.words)) letters.set(sizeOf(word.height), (letters.get(sizeOf(word.height)) ?? 0) + word.str.length);
  return [...letters].reduce((most, entry) => (entry[1] > most[1] ? entry : most), [0, 0])[0];
}

/** The page's margins, in points, where its running head and folio stand (styles/page.css: 0.6 in above the text, 0.75 in below). */
const HEAD = 0.6 * 72;
const FOOT = 0.7 * 72;

/**
 * A page's lines of body text (set at `body` size, inside the margins), top
 * to bottom, pieces at one height joined into one line.
 */
export function bodyLines(page: PdfPage, body: number): string[] {
  const lines: { y: number; pieces: { x: number; str: string }[] }[] = [];
  for (const word of page.words) {
    if (Math.abs(sizeOf(word.height) - body) > 0.05 || word.y > page.height - HEAD || word.y < FOOT) continue;
    const line = lines.find((other) => Math.abs(other.y - word.y) < word.height / 2);
    if (line) line.pieces.push({ x: word.x, str: word.str });
    else lines.push({ y: word.y, pieces: [{ x: word.x, str: word.str }] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((line) => line.pieces.sort((a, b) => a.x - b.x).map((piece) => piece.str).join(' ').replace(/\s+/g, ' ').trim())
    // Folios and rules (a line of slashes on the cover) are no text.
    .filter((line) => /\p{L}/u.test(line));
}

/** Whether the page has its number (its folio) below its text, as the pages of running text have. */
export const numbered = (page: PdfPage, number: number): boolean => page.words.some((word) => word.str.trim() === String(number) && word.y < FOOT);

/** Every turn between two pages of running text (numbered, and holding body text: the covers, colophon and notes pages are not). */
export function pageTurns(pages: PdfPage[]): PageTurn[] {
  const body = bodySize(pages);
  const lines = pages.map((page, index) => (numbered(page, index + 1) ? bodyLines(page, body) : []));
  const turns: PageTurn[] = [];
  lines.forEach((here, index) => {
    const next = lines[index + 1];
    const last = here.at(-1);
    const first = next?.[0];
    if (last !== undefined && first !== undefined) turns.push({ page: index + 1, last, first });
  });
  return turns;
}

/** Letters of a line, as a reader counts them: no spaces, hyphens or punctuation. */
export const lettersOf = (line: string): number => line.replace(/[^\p{L}\p{N}]/gu, '').length;
