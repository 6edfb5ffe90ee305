/**
 * The marks a cluster draws that read as nothing, moved to the end of their
 * word. cluster-spans.ts draws them apart, after the letters of their text
 * object, in a span with an empty ActualText, each reading as a space:
 * poppler reads nothing there, pdf.js skips a space glyph, but MuPDF 1.21
 * reads no ActualText and puts each glyph's text on the line in drawing
 * order. Chromium starts a text object at each change of font, so a
 * Vietnamese letter with two marks (ậ, ệ, drawn from a font of its own)
 * ends its text object inside the word, and MuPDF read "nhậ  n".
 *
 * Here such a span is drawn again right after the last glyph of its word:
 * before the next glyph on the line that reads as a space, or at the line's
 * end or before anything else than text is drawn (a paragraph's end),
 * unless the glyph there is a hyphen (MuPDF joins a hyphenated word only
 * when the hyphen is the last thing on its line). The span's glyphs
 * are drawn where they were, in the font and size they were drawn in, and
 * the font, the text line, the scale and the rendering mode are set back
 * after them. Only text is drawn between the two places (no q/Q, colour,
 * matrix or marked content), in the same orientation: so nothing on the
 * page moves or changes. A span that cannot go so is left where it is.
 */
import type { CidFont } from './cid-font.ts';
import { actualTextIn, codesOf, pdfNumber, textOf, type Edit, type Operation } from './content-stream.ts';
import { walkStream, type TextState } from './stream-walker.ts';

/** A glyph's place in the page, through the text matrix it was drawn with. */
interface Placed {
  code: number;
  x: number;
  y: number;
}

/** A span of marks to move: where it is in the stream, its font and size, its glyphs in page space. */
interface MarkSpan {
  start: number;
  end: number;
  /** Its Tf's operands as written (a size rounded otherwise would draw the glyphs a little larger or smaller). */
  font: string;
  glyphs: Placed[];
  /** The Tm and Td operations that placed its text line, and its own, as written. */
  placing: string[];
  body: string[];
  /** The baseline, in page space. */
  baseline: number;
}

/** Where a span could go: right after a glyph, in its text object's state. */
interface After {
  offset: number;
  /** The Tf operands in force there, and the Tm and Td operations that placed its line, as written. */
  font: string;
  placing: string[];
  /** The operation after the glyph's: it must place the next glyph anew (the pen is not where it was). */
  next: string | undefined;
  text: TextState<CidFont>;
  line: { x: number; y: number };
  matrix: number[];
  hyphen: boolean;
}

const TEXT_ONLY = new Set(['BT', 'ET', 'Tf', 'Tm', 'Td', 'Tj', 'TJ', 'Tr', 'Tz']);
const PLACING = new Set(['Td', 'TD', 'Tm', 'T*', 'ET']);
const HYPHENS = new Set(['-', '\u2010', '\u00AD']);

/** A text matrix that only moves (a, d = ±1, no skew): the one Chromium sets. */
const upright = (matrix: number[]): boolean => matrix.length === 6 && Math.abs(matrix[0] ?? 0) === 1 && matrix[1] === 0 && matrix[2] === 0 && Math.abs(matrix[3] ?? 0) === 1;

/** The stream's text drawing the spans inside `span` text again after `after`, with the font and line set back. */
function drawnAfter(spans: MarkSpan[], after: After): string {
  // After an unseen or squeezed copy (cluster-spans.ts), the marks are drawn seen and unscaled all the same.
  const { render, scale } = after.text;
  const parts: string[] = [...(render === 0 ? [] : ['0 Tr']), ...(scale === 1 ? [] : ['100 Tz'])];
  // Each span's line is placed again by the very operations that placed it, and the line after it too: a reader
  // adds up the same numbers in the same order, so every glyph lands on the same fraction of a pixel.
  for (const span of spans) parts.push(`${span.font} Tf`, ...span.placing, ...span.body);
  parts.push(...after.placing, `${after.font} Tf`);
  if (scale !== 1) parts.push(`${pdfNumber(scale * 100, 6)} Tz`);
  if (render !== 0) parts.push(`${render} Tr`);
  return `\n${parts.join('\n')}`;
}

/** Edits of the stream moving each span of marks apart to the end of its word; none when there is nothing to move. */
export function markSpanEdits(ops: Operation[], fontOf: (name: string) => CidFont | undefined): Edit[] {
  const edits: Edit[] = [];
  let matrix: number[] = [];
  // The last Tf's operands, as written (inside a text object, where the spans are read and moved).
  let font = '';
  // The Tm and Td operations since the text object's Tm, as written; undefined when its line was placed otherwise.
  let placing: string[] | undefined;
  const written = (op: Operation): string => [...op.operands, op.operator].join(' ');
  let pending: MarkSpan[] = [];
  let after: After | undefined;
  // The span being read: its glyphs so far; undefined when it cannot be moved.
  let reading: MarkSpan | undefined | null = null;

  const settle = (to: After | undefined): void => {
    // A span already at its word's end stays.
    const moved = to ? pending.filter((span) => span.end < to.offset) : [];
    if (to && moved.length > 0 && !to.hyphen && to.font !== '' && PLACING.has(to.next ?? 'ET') && upright(to.matrix)) {
      edits.push(...moved.map((span) => ({ start: span.start, end: span.end, text: '' })));
      edits.push({ start: to.offset, end: to.offset, text: drawnAfter(moved, to) });
    }
    pending = [];
  };

  walkStream(ops, fontOf, (op, index, walk) => {
    const { text } = walk;
    if (reading !== null) {
      if (reading) reading.body.push(written(op));
      if (op.operator === 'Td') placing = placing && [...placing, written(op)];
      if (op.operator === 'EMC') {
        if (reading) pending.push({ ...reading, end: op.end });
        reading = null;
      } else if (reading && op.operator === 'Tj' && text.font) {
        const cid = text.font;
        let pen = walk.pen;
        for (const code of codesOf(op.operands[0] ?? '')) {
          const [a = 1, , , d = 1, e = 0, f = 0] = matrix;
          reading.glyphs.push({ code, x: e + a * pen, y: f + d * walk.line.y });
          pen += (cid.width(code) / 1000) * text.size;
        }
      } else if (op.operator !== 'Td') reading = undefined;
      return;
    }
    if (op.operator === 'BDC' && op.operands[0] === '/Span' && walk.inText && actualTextIn(op.operands[1]) !== undefined) {
      const empty = textOf(actualTextIn(op.operands[1]) ?? '') === '';
      const plain = text.render === 0 && text.scale === 1 && text.charSpacing === 0 && upright(matrix);
      const rightToLeft = walk.marked.some((one) => one.tag === '/ReversedChars');
      if (empty && plain && !rightToLeft && font !== '' && placing) {
        const [, , , , , f = 0] = matrix;
        reading = { start: op.start, end: op.end, font, placing, body: [written(op)], glyphs: [], baseline: f + (matrix[3] ?? 1) * walk.line.y };
        return;
      }
    }
    // Marked content (a paragraph's end), graphics state, anything but text: the spans go after the last glyph
    // before it, if that is after them.
    if (pending.length > 0 && !TEXT_ONLY.has(op.operator)) settle(after);
    if (op.operator === 'Tm') matrix = op.operands.map(Number);
    if (op.operator === 'Tf') font = op.operands.join(' ');
    if (op.operator === 'BT') placing = undefined;
    else if (op.operator === 'Tm') placing = [written(op)];
    else if (op.operator === 'Td') placing = placing && [...placing, written(op)];
    else if (op.operator === 'TD' || op.operator === 'T*') placing = undefined;
    if ((op.operator === 'Tj' || op.operator === 'TJ') && text.font) {
      const cid = text.font;
      const baseline = (matrix[5] ?? 0) + (matrix[3] ?? 1) * walk.line.y;
      const codes = codesOf(op.operands[0] ?? '');
      const reads = codes.map((code) => cid.map.get(code) ?? '');
      if (pending.length > 0 && Math.abs((pending[0]?.baseline ?? 0) - baseline) > 0.01) settle(after);
      else if (pending.length > 0 && reads[0] !== undefined && reads[0] !== '' && reads[0].trim() === '') settle(after);
      else if (pending.length > 0 && reads.some((one) => one !== '' && one.trim() === '')) pending = [];
      const last = reads.at(-1) ?? '';
      after = placing && { offset: op.end, font, placing, next: ops[index + 1]?.operator, text, line: walk.line, matrix, hyphen: HYPHENS.has(last) };
    }
  }, { positions: true });
  if (pending.length > 0) settle(after);
  return edits;
}
