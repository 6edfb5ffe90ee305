/**
 * Every printed line ends where the language lets a line end: at a space, a
 * hard line break or a block's end, after a dash or a slash, between two
 * characters of a script written without spaces (Chinese, Japanese, Thai…),
 * or with a hyphen at one of the word's hyphenation points. Those points are
 * the soft hyphens the markdown stage put in from the `hyphen` package's
 * patterns for the document's language, with its minimums (hyphenate.ts);
 * nothing else in a word is one, but a word longer than a line breaks where
 * it must. A line that ends inside a URL ends after a slash or before a
 * period or other punctuation (url-ends.ts). A line that begins inside a word is judged
 * the same way, where the line before it was not found (it was lost).
 */
import type { PlacedLine } from './place-lines.ts';
import type { SourceText, Stream } from './source-text.ts';
import { rawEnd, urlBreakFault } from './url-ends.ts';

export interface LineFault {
  page: number;
  /** `line:column` of the block in the markdown. */
  place: string;
  reason: string;
}

export const HYPHEN_END = /[-\u2010\u2011\u00AD]$/u;
/** Scripts whose lines break between characters, without spaces or hyphens. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\u3000-\u303F\uFF00-\uFFEF]/u;
/** What may sit between two letters without offering a break: marks, joiners, a soft hyphen. */
const GLUE = /^(?:\p{M}|\u00AD|\u200C|\u200D|\u2060)*$/u;

export function placeOf(stream: Stream, letter: number): string {
  let place = stream.runs[0]?.place ?? '1:1';
  for (const run of stream.runs) {
    if (run.start > letter) break;
    place = run.place;
  }
  return place;
}

const isWordChar = (char: string | undefined) => char !== undefined && /[\p{L}\p{M}\u00AD\u200C\u200D]/u.test(char);

/** The word around a break, as written (soft hyphens shown as `-`), and the two parts the break makes, for messages. */
function wordAround(stream: Stream, before: number, after: number): { word: string; printed: string } {
  let from = before;
  let to = after;
  while (isWordChar(stream.raw[from - 1])) from -= 1;
  while (isWordChar(stream.raw[to])) to += 1;
  const plain = (text: string) => text.replace(/\u00AD/g, '');
  return { word: stream.raw.slice(from, to).replace(/\u00AD/g, '-'), printed: `"${plain(stream.raw.slice(from, before + 1))}" / "${plain(stream.raw.slice(after, to))}"` };
}

/**
 * Why a line may not end after letter `end - 1` of the stream (its last
 * letter), or undefined when it may. `hyphenated`: the printed line ends in a
 * hyphen. `hyphenates`: the edition breaks words at all (large print does not).
 */
export function breakFault(stream: Stream, end: number, hyphenated: boolean | 'unknown', hyphenates: boolean, capacity = Infinity): string | undefined {
  if (end <= 0 || end >= stream.letters.length) return undefined;
  const before = stream.at[end - 1] as number;
  const after = stream.at[end] as number;
  const between = stream.raw.slice(before + 1, after);
  if (!GLUE.test(between)) return undefined;
  const { word, printed } = wordAround(stream, before, after);
  // A word longer than the line breaks where it must (the stylesheets' overflow-wrap).
  if (word.replace(/[^\p{L}]/gu, '').length > capacity) return undefined;
  if (between.includes('\u00AD')) {
    if (!hyphenates) return `the word "${word.replace(/-/g, '')}" is split across lines as ${printed}, which this edition never does`;
    return hyphenated === false ? `the word "${word}" is split with no hyphen, as ${printed}` : undefined;
  }
  const unspaced = UNSPACED.test(stream.raw[before] ?? '') || UNSPACED.test(stream.raw[after] ?? '');
  if (unspaced && hyphenated !== true) return undefined;
  const points = word.includes('-') ? `it breaks only at ${word}` : 'it has no hyphenation point there';
  if (hyphenated === 'unknown') return `the word "${word.replace(/-/g, '')}" is split where its language does not break it, as ${printed} (${points})`;
  return hyphenated
    ? `the word "${word.replace(/-/g, '')}" is hyphenated where its language does not break it, as ${printed} (${points})`
    : `the word "${word.replace(/-/g, '')}" is split with no hyphen, as ${printed} (${points})`;
}

export function lineEndFaults(placed: readonly PlacedLine[], source: SourceText, hyphenates: boolean): LineFault[] {
  const faults: LineFault[] = [];
  const endOf = new Map<string, number>();
  const capacity = Math.max(0, ...placed.map((line) => line.end - line.start));
  for (const line of placed) {
    const stream = source[line.stream];
    // A line that begins where no found line ended: the break before it is judged here.
    if (endOf.get(line.stream) !== line.start) {
      // The line before it was not read, so whether it ended in a hyphen is not known.
      const reason = breakFault(stream, line.start, 'unknown', hyphenates, capacity);
      if (reason !== undefined) faults.push({ page: line.page, place: placeOf(stream, line.start), reason: `a line begins inside a word: ${reason}` });
    }
    endOf.set(line.stream, line.end);
    // Inside a URL, where it may break (url-ends.ts); elsewhere, where a word may.
    const endFault = (text: string): { reason: string | undefined; inUrl: boolean } => {
      const at = rawEnd(stream, line.end, text);
      const inUrl = at === undefined ? undefined : urlBreakFault(stream, at, capacity);
      return inUrl !== undefined ? { reason: inUrl.reason, inUrl: true } : { reason: breakFault(stream, line.end, HYPHEN_END.test(text), hyphenates, capacity), inUrl: false };
    };
    // A line that ends inside a word with no hyphen (a CJK word, a URL, a word longer than the line) reads
    // with a hyphen in poppler's text: the text layer's mark for poppler to join the lines (pdf/word-lines.ts).
    // Where the line may end there without it, or inside a URL (which never breaks with a hyphen), the
    // hyphen is that mark; elsewhere it is judged as printed.
    const text = line.line.text.trimEnd();
    const unmarked = text.endsWith('-') ? endFault(text.slice(0, -1)) : undefined;
    const reason = unmarked !== undefined && (unmarked.reason === undefined || unmarked.inUrl) ? unmarked.reason : endFault(text).reason;
    if (reason !== undefined) faults.push({ page: line.page, place: placeOf(stream, line.end - 1), reason });
  }
  return faults;
}
