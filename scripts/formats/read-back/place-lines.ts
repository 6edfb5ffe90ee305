/**
 * Finds each printed line in the source's text: the body's lines in the body
 * stream, the notes' in the notes stream. Lines of 16 letters or more are
 * looked up wherever their letters occur, and the longest chain of them in
 * the order of the pages is kept: so lines printed outside the running text
 * (a cover's slogans, the back cover's quote, a running head) and a text that
 * repeats itself never pull the reading out of step. The shorter lines are
 * then found just after the line before them. A line found nowhere (a folio,
 * "(continued)") is left out.
 */
import { breakFault, HYPHEN_END } from './line-ends.ts';
import type { PrintedLine, PrintedPage } from './printed-text.ts';
import type { SourceText, Stream } from './source-text.ts';

export interface PlacedLine {
  page: number;
  line: PrintedLine;
  stream: 'body' | 'notes';
  /** Its letters are `letters.slice(start, end)` of its stream. */
  start: number;
  end: number;
}

/** Letters a line may be found after the line before it (a footnote call's letters, say). */
const NEAR = 3;
/** Letters that look a line up anywhere in its stream. */
const KEY = 16;

/** What is not a letter or a mark: a book's lines are a few hundred thousand characters, taken out in one pass a line. */
const NOT_LETTER = /[^\p{L}\p{M}]/gu;

/** A line's letters, folded as the source's are. */
export const foldLetters = (text: string): string => text.normalize('NFKC').toLowerCase().replace(NOT_LETTER, '');

/** A number for the KEY letters from `at` (collisions are weeded out by comparing the letters). */
function keyHash(letters: string, at: number): number {
  let hash = 0;
  for (let i = at; i < at + KEY; i += 1) hash = (Math.imul(hash, 31) + letters.charCodeAt(i)) | 0;
  return hash;
}

const indexes = new WeakMap<Stream, Map<number, number[]>>();

/**
 * Where each run of KEY letters occurs in the stream, by hash: made once per
 * stream, so once per document (source-text.ts is), however many layouts are
 * read back. A rolling hash: no string a position.
 */
function keyIndex(stream: Stream): Map<number, number[]> {
  const made = indexes.get(stream);
  if (made !== undefined) return made;
  const index = new Map<number, number[]>();
  const { letters } = stream;
  // 31^KEY, to take the letter leaving the window out of the hash.
  let power = 1;
  for (let i = 0; i < KEY; i += 1) power = Math.imul(power, 31);
  let hash = letters.length >= KEY ? keyHash(letters, 0) : 0;
  for (let at = 0; at + KEY <= letters.length; at += 1) {
    if (at > 0) hash = (Math.imul(hash, 31) + letters.charCodeAt(at + KEY - 1) - Math.imul(power, letters.charCodeAt(at - 1))) | 0;
    const list = index.get(hash);
    if (list === undefined) index.set(hash, [at]);
    else list.push(at);
  }
  indexes.set(stream, index);
  return index;
}

/**
 * For each line, the place in the stream on the longest chain of lines whose
 * places rise with the page order, or undefined (patience sorting; a line's
 * candidates go in falling order, so a chain takes at most one of them).
 */
function longestChain(lines: readonly string[], stream: Stream): (number | undefined)[] {
  const index = keyIndex(stream);
  const pairs: { line: number; at: number }[] = [];
  lines.forEach((letters, line) => {
    if (letters.length < KEY) return;
    const found = (index.get(keyHash(letters, 0)) ?? []).filter((at) => stream.letters.startsWith(letters, at));
    for (const at of found.reverse()) pairs.push({ line, at });
  });
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach((pair, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((pairs[tails[middle] as number] as { at: number }).at < pair.at) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  });
  const chosen: (number | undefined)[] = lines.map(() => undefined);
  for (let at = tails.at(-1) ?? -1; at >= 0; at = previous[at] as number) {
    const pair = pairs[at] as { line: number; at: number };
    chosen[pair.line] = pair.at;
  }
  return chosen;
}

export interface PlaceOptions {
  /** The label set before a carried note's first line on the next page ("(continued)" in the document's language), which is not the note's text. Default: none. */
  continued?: string;
  /** The document's title, which the cover sets before any text. Default: none. */
  title?: string;
}

/** Where `text` first occurs in `letters` from `cursor` up to NEAR letters on, or -1 (never a search of the whole stream). */
function nearCursor(letters: string, text: string, cursor: number): number {
  for (let at = cursor; at <= cursor + NEAR; at += 1) if (letters.startsWith(text, at)) return at;
  return -1;
}

export function placeLines(pages: readonly PrintedPage[], source: SourceText, options: PlaceOptions = {}): PlacedLine[] {
  const label = foldLetters(options.continued ?? '');
  const title = foldLetters(options.title ?? '');
  const all = pages.flatMap((page) => page.lines.map((line) => ({ page: page.number, line, letters: foldLetters(line.text) })));
  const letters = all.map((line) => line.letters);
  const anchors = { body: longestChain(letters, source.body), notes: longestChain(letters, source.notes) };
  const placed: PlacedLine[] = [];
  const cursor = { body: 0, notes: 0 };
  all.forEach(({ page, line, letters: text }, index) => {
    if (text === '') return;
    // Before any text is found, a line of the title's letters is the cover's, even where the text begins with them.
    if (cursor.body === 0 && title.includes(text)) return;
    // A page's first line that is the title, whole or cut short with an ellipsis, is its running head, even where
    // the text goes on with the title's words ("Декларациясы" of the head is not the start of "Декларациясын").
    const first = all[index - 1]?.page !== page;
    if (first && title !== '' && (text === title || (/…\s*$/u.test(line.text) && title.startsWith(text)))) return;
    // A line that goes on where its stream's last line ended is that line's next, even where its letters repeat elsewhere.
    // One found a few letters on (past a note call's) must also end where a line may end: a cover's
    // "March" is not the start of "marched".
    let stream: 'body' | 'notes' | undefined = (['body', 'notes'] as const).find((candidate) => {
      const at = nearCursor(source[candidate].letters, text, cursor[candidate]);
      if (at < 0) return false;
      return at === cursor[candidate] || breakFault(source[candidate], at + text.length, HYPHEN_END.test(line.text), true) === undefined;
    });
    let start = stream === undefined ? undefined : nearCursor(source[stream].letters, text, cursor[stream]);
    let skipped = 0;
    if (stream === undefined) {
      // A carried note's label is not the note's text.
      if (label !== '' && text.startsWith(label) && source.notes.letters.startsWith(text.slice(label.length), cursor.notes)) {
        stream = 'notes';
        start = cursor.notes;
        skipped = label.length;
      }
    }
    if (stream === undefined) {
      stream = (['body', 'notes'] as const).find((candidate) => anchors[candidate][index] !== undefined);
      start = stream === undefined ? undefined : anchors[stream][index];
    }
    if (stream === undefined || start === undefined) return;
    placed.push({ page, line, stream, start, end: start + text.length - skipped });
    cursor[stream] = start + text.length - skipped;
  });
  return placed;
}
