/**
 * Whether two pieces of text drawn at the end of one line and the start of
 * the next are one word of the source: the source holds them joined, and
 * never with a space between (word-lines.ts). A line that broke at a space
 * has that space in the source; one that broke inside a word (a URL cut
 * before its period, a word longer than the line) has none. The source is
 * the document's markdown: what it holds around the text (link targets,
 * emphasis) only ever makes a piece not found, and the line is left as it is.
 *
 * Every line end of the document is asked, so the source is not searched
 * whole each time: where each three code units stand in it is listed once
 * (source-index.ts), and a piece is looked for only where its rarest three
 * stand.
 */
import { sourceIndex } from './source-index.ts';

/** Text as both sides are compared: compatibility forms folded (a ligature), curly quotes straight, whitespace one space. */
export const folded = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/gu, "'")
    .replace(/[\u201C\u201D]/gu, '"')
    .replace(/[\u00AD\u200B]/gu, '')
    .replace(/\s+/gu, ' ');

/** A test of two pieces of text (see above) against `source`. */
export function joinedInSource(source: string): (tail: string, head: string) => boolean {
  const holds = sourceIndex(folded(source));
  return (tail, head) => {
    const before = folded(tail);
    const after = folded(head);
    if (before.trim() !== before || after.trim() !== after || before === '' || after === '') return false;
    return holds(before + after) && !holds(`${before} ${after}`);
  };
}
