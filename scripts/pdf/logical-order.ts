/**
 * Right-to-left runs drawn in the order they are read. Chromium draws a run
 * of Arabic or Hebrew (a /ReversedChars sequence: one word) from its left
 * end, the last letter first. poppler and pdf.js put the letters of a line
 * back in reading order themselves; MuPDF 1.21 (Debian 12's) keeps the
 * order in which glyphs are drawn (stext-device.c: a right-to-left letter on
 * the line's baseline is appended to the line wherever it stands, and never
 * starts a line or adds a space), so it read every word backwards. Here the
 * glyphs a run shows are drawn again from its right end, each at exactly
 * the place it had, in TJ arrays whose numbers move the pen back over the
 * glyph just drawn and the next one; a change of text rendering mode (the
 * unseen copies of marks, Tr 3) starts a new array; an unseen copy is drawn
 * right after the letter it follows. Spans nested in the run (the dots drawn
 * apart, with an empty ActualText) stay as they are. Nothing seen moves.
 */
import { forEachCode, hexOf, pdfNumber, type Edit, type Operation } from './content-stream.ts';
import { walkStream, type Advances } from './stream-walker.ts';

/** What it needs of a font: advances, and what each code reads as. */
export interface Readable extends Advances {
  map: ReadonlyMap<number, string>;
}

/** A right-to-left letter: a run without one (a space and a bidi isolate around a Latin word) is left as it is. */
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/**
 * How far left of the start of its base an unseen copy of a mark is put, in
 * ems. poppler orders the glyphs of a line by where they start and then
 * reverses a right-to-left stretch: a copy at its base's very start may
 * sort after the base, and read before it; a hundredth of an em to the left
 * (inside the letter read next) it sorts between the two.
 */
const MARK_INSET = 0.01;

/** One glyph of a run, where it is drawn: in text space, from the line start at the run's first operation. */
interface Placed {
  code: number;
  x: number;
  y: number;
  advance: number;
  render: number;
}

/** The operations of a run that are rewritten: the first and last index, and the glyphs they show. */
interface Segment {
  from: number;
  to: number;
  /** The text line's start before the first operation; after the last, from that start; the text state's Tr at both. */
  start: { x: number; y: number };
  end: { x: number; y: number };
  renderBefore: number;
  renderAfter: number;
  size: number;
  scale: number;
  font: Readable;
  glyphs: Placed[];
}

/** Operations a segment may hold: they place glyphs, show them, or make them unseen. */
const INSIDE = new Set(['Td', 'Tj', 'TJ', 'Tr']);

/** The glyphs of a Tj or TJ operand, placed from the pen at `pen` on the line `y`; returns the pen after them. */
function place(operand: string, pen: number, y: number, size: number, scale: number, charSpacing: number, render: number, font: Readable, into: Placed[]): number {
  let at = pen;
  for (const [item = ''] of operand.matchAll(/<[0-9A-Fa-f\s]*>|[-+]?[\d.]+/g)) {
    if (!item.startsWith('<')) {
      at -= (Number(item) / 1000) * size * scale;
      continue;
    }
    forEachCode(item, (code) => {
      const advance = ((font.width(code) / 1000) * size + charSpacing) * scale;
      into.push({ code, x: at, y, advance, render });
      at += advance;
    });
  }
  return at;
}

/** The segment's glyphs drawn from the last to the first, each where it was, leaving the line and Tr as the segment did. */
function reversed(segment: Segment): string {
  const { glyphs, size, scale } = segment;
  const parts: string[] = [];
  let line = { x: 0, y: 0 };
  let render = segment.renderBefore;
  let items: string[] = [];
  let pen = 0;
  const flush = (): void => {
    if (items.length > 0) parts.push(`[${items.join(' ')}] TJ`);
    items = [];
  };
  let base: Placed | undefined;
  for (let index = glyphs.length - 1; index >= 0; index -= 1) {
    let glyph = glyphs[index] as Placed;
    if (glyph.render === 3 && glyph.advance === 0 && base && glyph.y === base.y) glyph = { ...glyph, x: base.x - size * MARK_INSET };
    else base = glyph;
    if (items.length > 0 && (glyph.render !== render || glyph.y !== line.y)) flush();
    if (items.length === 0) {
      if (glyph.render !== render) parts.push(`${glyph.render} Tr`);
      render = glyph.render;
      const dx = glyph.x - line.x;
      const dy = glyph.y - line.y;
      if (dx !== 0 || dy !== 0) parts.push(`${pdfNumber(dx, 6)} ${pdfNumber(dy, 6)} Td`);
      line = { x: glyph.x, y: glyph.y };
    } else {
      const back = ((pen - glyph.x) * 1000) / (size * scale);
      if (Math.abs(back) >= 0.00005) items.push(pdfNumber(back, 4));
    }
    items.push(hexOf([glyph.code]));
    pen = glyph.x + glyph.advance;
  }
  flush();
  if (render !== segment.renderAfter) parts.push(`${segment.renderAfter} Tr`);
  const dx = segment.end.x - line.x;
  const dy = segment.end.y - line.y;
  if (dx !== 0 || dy !== 0) parts.push(`${pdfNumber(dx, 6)} ${pdfNumber(dy, 6)} Td`);
  return parts.join('\n');
}

/**
 * Edits that draw each right-to-left run of the stream (`ops`) from its
 * right end; none when it has none of two glyphs or more. `fontOf` gives a
 * font resource's advances by its name.
 */
export function logicalOrderEdits(ops: readonly Operation[], fontOf: (name: string) => Readable | undefined): Edit[] {
  const edits: Edit[] = [];
  let segment: Segment | undefined;
  // The depth of marked content at which the innermost /ReversedChars run opened.
  let runDepth = -1;
  const close = (): void => {
    const ended = segment;
    segment = undefined;
    if (!ended || ended.glyphs.length < 2) return;
    if (!ended.glyphs.some((glyph) => RTL_LETTER.test(ended.font.map.get(glyph.code) ?? ''))) return;
    edits.push({ start: (ops[ended.from] as Operation).start, end: (ops[ended.to] as Operation).end, text: reversed(ended) });
  };
  walkStream(
    ops,
    fontOf,
    (op, index, walk) => {
      const { operator, operands } = op;
      const inRun = runDepth !== -1 && walk.marked.length === runDepth && walk.inText;
      if (inRun && INSIDE.has(operator)) {
        const { font, size, scale, charSpacing, render } = walk.text;
        const showing = operator === 'Tj' || operator === 'TJ';
        if (showing && (font === undefined || size <= 0 || scale <= 0 || !(operands[0] ?? '').match(/^[<[]/))) {
          close();
          return;
        }
        // A segment starts at the run's first glyph shown: what places it before stays as it is.
        if (!segment && !showing) return;
        if (!font) return;
        segment ??= { from: index, to: index, start: walk.line, end: { x: 0, y: 0 }, renderBefore: render, renderAfter: render, size, scale, font, glyphs: [] };
        if (segment.size !== size || segment.scale !== scale || segment.font !== font) {
          close();
          segment = { from: index, to: index, start: walk.line, end: { x: 0, y: 0 }, renderBefore: render, renderAfter: render, size, scale, font, glyphs: [] };
        }
        const origin = segment.start;
        if (showing && font) place(operands[0] ?? '', walk.pen - origin.x, walk.line.y - origin.y, size, scale, charSpacing, render, font, segment.glyphs);
        segment.to = index;
        // The state once this operation has run: where the line is, and the mode.
        if (operator === 'Td') segment.end = { x: walk.line.x + Number(operands[0]) - origin.x, y: walk.line.y + Number(operands[1]) - origin.y };
        else segment.end = { x: walk.line.x - origin.x, y: walk.line.y - origin.y };
        segment.renderAfter = operator === 'Tr' ? Number(operands[0]) : render;
        return;
      }
      close();
      if (operator === 'BMC' && operands[0] === '/ReversedChars') runDepth = walk.marked.length + 1;
      else if (operator === 'EMC' && walk.marked.length === runDepth) runDepth = -1;
    },
    { positions: true },
  );
  close();
  return edits;
}
