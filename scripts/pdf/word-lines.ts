/**
 * A line that ends inside a word with no hyphen, joined to the next one for
 * poppler and MuPDF: a Chinese or Japanese line cut between two letters, a
 * URL cut before a period (markdown/url-breaks.ts), a word longer than the
 * line broken where it had to. pdf.js's search joins two lines that meet
 * between two CJK letters, but poppler and MuPDF join only a line that ends
 * in a hyphen (poppler: U+002D, `TextLine::hyphenated`; MuPDF 1.21's
 * `dehyphenate`: U+002D, U+00AD, U+2010, U+2011, and only within a
 * paragraph), and neither joins a URL.
 *
 * Which lines end inside a word: where the last letter of a line and the
 * first of the next are both CJK letters (the source has no space there),
 * or where the caller's `continues` says the line's last word and the next
 * line's first are one word of the source (to-unicode.ts: the source holds
 * them joined and never with a space between).
 *
 * There a soft hyphen is drawn at the line's end: the line's last glyph,
 * with no advance, reading as U+00AD, inside a span whose ActualText is a
 * hyphen (U+002D). poppler reads the span (a hyphen: it joins the lines and
 * drops it; the build's read-back takes such a line-end hyphen for this
 * mark, line-ends.ts), MuPDF the soft hyphen (it joins and drops it),
 * pdf.js nothing (it skips a glyph whose text is a format character). It is
 * drawn first in the next line's text object, though on the line before:
 * MuPDF takes a line that starts a new text object at another indent than
 * the line before for a new paragraph (the second line of an indented one),
 * where it joins nothing, and the mark takes that test in its place. Where
 * the lines are set far apart, it is set down towards the next line for
 * MuPDF (markAt). docs/text-layer.md has the figures.
 */
import { CJK_LETTER } from './cid-font.ts';
import { hexOf, type Edit, type Operation } from './content-stream.ts';
import { lastCodeOf, shownEnds } from './shown-words.ts';
import { walkStream, type Advances } from './stream-walker.ts';

/** What it needs of a font: what a code reads as, and a code for its glyph that reads otherwise, with a width. */
export interface Rereadable extends Advances {
  map: ReadonlyMap<number, string>;
  codeFor(code: number, text: string, width?: number): number;
}

export interface WordLinesOptions {
  /** Whether `tail`, a line's last word as drawn, and `head`, the next line's first, are one word of the source. Default: only CJK letters are. */
  continues?: ((tail: string, head: string) => boolean) | undefined;
}

const SOFT_HYPHEN = '\u00AD';
/** The soft hyphen's horizontal scale, in percent: a glyph a hundred-thousandth of its width, which paints nothing. */
const SQUEEZED = 0.001;
/** A line that already ends with a hyphen: poppler and MuPDF join it (hyphen-lines.ts). */
const HYPHEN_END = /[-\u2010\u2011\u00AD]$/u;
/** Operations that may stand between one line's ET and the next line's BT: marked content (a link's span). */
const MARKING = new Set(['BDC', 'BMC', 'EMC']);

/** One text object (BT … ET): where it opens and closes, its matrix, and its first and last word. */
interface TextObject {
  open: number;
  close: number;
  /** Its Tm operands, when it sets one before showing anything. */
  matrix: number[] | undefined;
  size: number;
  /** Its first word as drawn, while it is being read (`headDone`: a gap ended it). */
  head: string;
  headDone: boolean;
  /** Its last word as drawn, so far. */
  tail: string;
  last: { at: number; operand: string; font: Rereadable; fontName: string; size: number; end: { x: number; y: number } | undefined } | undefined;
  /** Where its matrix is set (the Tm), and the state there: the font as written, its size, Tz and Tr. */
  placed: { at: number; fontName: string | undefined; size: number; scale: number; render: number } | undefined;
}

/** Whether text object `next` is on the line after `line`'s: same orientation and size, one line away. */
function nextLine(line: TextObject, next: TextObject): boolean {
  const [a, b, c, d, , y] = line.matrix ?? [];
  const [a2, b2, c2, d2, , y2] = next.matrix ?? [];
  if (a === undefined || y === undefined || y2 === undefined || d === undefined || b !== 0 || c !== 0) return false;
  if (a2 !== a || b2 !== b || c2 !== c || d2 !== d || next.size !== line.size || line.size <= 0) return false;
  // MuPDF starts a new line from 0.8 sizes off the baseline, and a paragraph past 1.5.
  const step = Math.abs(y2 - y) / (line.size * Math.abs(d));
  return step >= 0.8 && step <= 2;
}

const number = (value: number): string => String(Number(value.toFixed(6)));

/**
 * The soft hyphen drawn at the start of text object `next`, at the end of
 * `line` (its last glyph's code as `code`), and the state set back after it;
 * undefined when either is not placed plainly.
 */
function markAt(line: TextObject, next: TextObject, code: number): string | undefined {
  const { last, matrix } = line;
  const [a, b, c, d, e, f] = matrix ?? [];
  const [, , , , , f2] = next.matrix ?? [];
  const placed = next.placed;
  if (!last?.end || a === undefined || b === undefined || c === undefined || d === undefined || e === undefined || f === undefined || f2 === undefined) return undefined;
  if (!placed || placed.render !== 0 || placed.fontName === undefined) return undefined;
  const x = a * last.end.x + c * last.end.y + e;
  const y = b * last.end.x + d * last.end.y + f;
  // MuPDF starts a paragraph, where it joins nothing, more than 1.5 sizes off the baseline (PARAGRAPH_DIST),
  // the size being the glyph's own: lines set further apart than 1.45 sizes (large print) get a mark set
  // down (Ts, in text space) towards the next line, which brings it within 1.5 sizes; and since a mark so
  // far off its line, squeezed to nothing, would start a paragraph of its own, it is drawn unseen (Tr 3)
  // at its full size instead, with no advance. MuPDF takes the change of mode for a new text object, and
  // the next line for a paragraph when it starts more than half a size off the line before's start.
  const gap = Math.abs(f2 - f) / Math.abs(d);
  const rise = gap > 1.45 * last.size ? Math.sign(f2 - f) * Math.sign(d) * (gap - 1.47 * last.size) : 0;
  const [hide, show] = rise === 0 ? [`${SQUEEZED} Tz`, `${number(placed.scale * 100)} Tz`] : [`3 Tr ${number(rise)} Ts`, `0 Ts ${placed.render} Tr`];
  return [
    `\n/Span<</ActualText <FEFF002D>>> BDC /${last.fontName} ${number(last.size)} Tf ${hide}`,
    `${[a, b, c, d, x, y].map(number).join(' ')} Tm ${hexOf([code])} Tj`,
    `${show} /${placed.fontName} ${number(placed.size)} Tf ${(next.matrix ?? []).map(number).join(' ')} Tm EMC`,
  ].join(' ');
}

/** Whether only marked content stands between operations `from` and `to` (both left out). */
const onlyMarking = (ops: readonly Operation[], from: number, to: number): boolean => ops.slice(from + 1, to).every((op) => MARKING.has(op.operator));

/** The text objects of the stream (`ops`), each with its first and last word, read by a walk that keeps no positions. */
function textObjects(ops: readonly Operation[], fontOf: (name: string) => Rereadable | undefined): TextObject[] {
  const objects: TextObject[] = [];
  let open: TextObject | undefined;
  walkStream(ops, fontOf, ({ operator, operands }, index, walk) => {
    if (operator === 'BT') open = { open: index, close: -1, matrix: undefined, size: 0, head: '', headDone: false, tail: '', last: undefined, placed: undefined };
    if (!open) return;
    if (operator === 'Tm') {
      open.matrix = open.last === undefined ? operands.map(Number) : undefined;
      const { fontName, size, scale, render } = walk.text;
      open.placed = open.last === undefined ? { at: index, fontName, size, scale, render } : undefined;
    }
    else if ((operator === 'Td' || operator === 'TD') && Number(operands[1]) !== 0) open.matrix = undefined;
    else if (operator === "'" || operator === '"' || operator === 'T*') open.matrix = undefined;
    else if (operator === 'Td' && open.last !== undefined) {
      // A move along the line between two shows: a word space (glyph-runs.ts leaves no other).
      if (Number(operands[0]) !== 0) open.tail = '';
      if (Number(operands[0]) !== 0) open.headDone = true;
    } else if (operator === 'Tj' || operator === 'TJ') {
      const { font, fontName, size, render } = walk.text;
      const operand = operands[0] ?? '';
      const words = font && render === 0 ? shownEnds(operand, font.map) : undefined;
      if (!font || !words?.drawsCode) {
        open.last = undefined;
        open.matrix = undefined;
        return;
      }
      open.size = size;
      if (!open.headDone) {
        open.head += words.first;
        open.headDone = words.several;
      }
      open.tail = words.several ? words.last : open.tail + words.first;
      open.last = { at: index, operand, font, fontName: fontName ?? '', size, end: undefined };
    } else if (operator === 'ET') {
      open.close = index;
      objects.push(open);
      open = undefined;
    }
  });
  return objects;
}

/**
 * Where each of `lines` ends, in its text space: the pen once its last
 * glyph is drawn, from a walk that keeps positions (the lines' `last.end`).
 */
function placeEnds(ops: readonly Operation[], fontOf: (name: string) => Rereadable | undefined, lines: readonly TextObject[]): void {
  const after = new Map(lines.flatMap((line) => (line.last ? [[line.last.at + 1, line.last] as const] : [])));
  walkStream(ops, fontOf, (_, index, walk) => {
    const last = after.get(index);
    if (last) last.end = { x: walk.pen, y: walk.line.y };
  }, { positions: true });
}

/**
 * Edits that join each line of the stream (`ops`) ending inside a word to
 * the next, as above; none when it has none. `fontOf` gives a font resource
 * by name. The stream is walked once for its lines' words, and once more,
 * keeping the pen's place, only when some line is to be joined.
 */
export function wordLineEdits(ops: readonly Operation[], fontOf: (name: string) => Rereadable | undefined, options: WordLinesOptions = {}): Edit[] {
  const continues = options.continues ?? (() => false);
  const objects = textObjects(ops, fontOf);
  const joins: [TextObject, TextObject][] = [];
  for (let at = 1; at < objects.length; at += 1) {
    const line = objects[at - 1] as TextObject;
    const next = objects[at] as TextObject;
    const { last, tail } = line;
    if (!last || !onlyMarking(ops, line.close, next.open) || !nextLine(line, next)) continue;
    if (tail === '' || next.head === '' || HYPHEN_END.test(tail)) continue;
    const cjk = CJK_LETTER.test([...tail].pop() ?? '') && CJK_LETTER.test([...next.head][0] ?? '');
    if (cjk || continues(tail, next.head)) joins.push([line, next]);
  }
  if (joins.length > 0) placeEnds(ops, fontOf, joins.map(([line]) => line));
  const edits: Edit[] = [];
  for (const [line, next] of joins) {
    const last = line.last as NonNullable<TextObject['last']>;
    const mark = markAt(line, next, last.font.codeFor(lastCodeOf(last.operand) as number, SOFT_HYPHEN, 0));
    if (mark === undefined) continue;
    const placed = ops[next.placed?.at ?? -1] as Operation;
    edits.push({ start: placed.end, end: placed.end, text: mark });
  }
  return edits;
}
