/**
 * Joins the glyphs Chromium draws one by one into runs. Skia places every
 * glyph of a line with an operator of its own (`5.56 0 Td <0009> Tj`), so a
 * page of text is some 4,000 operators, which every viewer, printer and
 * thumbnail reads one by one. A run of them on one baseline is written here
 * as one TJ array, each glyph's offset from its advance written beside it
 * (`[<0015> 3.2 <0009> …] TJ`): every glyph stays exactly where it was.
 *
 * A TJ leaves the text line matrix at the run's first glyph, where the Td
 * operators left it at the last; when an operator after the run starts from
 * the line matrix, a Td moves it to the last glyph's origin, as before.
 */
import { hexDigit, operations, pdfNumber, replaceSpans, type Edit, type Operation } from './content-stream.ts';
import { walkStream, type TextState } from './stream-walker.ts';

/** What a run needs of a font: the advance of a code in thousandths of the size (its W entry). */
export interface GlyphWidths {
  width(code: number): number;
}

/** One Tj of a run: its string, and how far its Td moved from the Tj before (none for a Tj with no Td). */
interface Shown {
  hex: string;
  advance: number;
  moved: number | undefined;
  /** Its index among the stream's operations. */
  at: number;
}

/** Operators that set the next glyph's place from the text line matrix, from the text matrix, or reset both. */
const FROM_LINE = new Set(['Td', 'TD', 'T*', "'", '"']);
const FROM_TEXT = new Set(['Tj', 'TJ']);
const RESET = new Set(['Tm', 'ET', 'BT']);

/** Whether the line matrix the run leaves is looked at before it is reset: a Td must then put it back. */
function lineMatrixUsed(ops: Operation[], after: number): 'line' | 'text' | 'none' {
  for (let at = after; at < ops.length; at += 1) {
    const { operator } = ops[at] as Operation;
    if (FROM_LINE.has(operator)) return 'line';
    if (FROM_TEXT.has(operator)) return 'text';
    if (RESET.has(operator)) return 'none';
  }
  return 'none';
}

/**
 * Whether the next glyph is drawn back over the one before by more than a
 * tenth of an em (a zero-width glyph such as a soft hyphen's, or a mark):
 * text extractors (poppler) read such a glyph inside a TJ out of order, so
 * the run ends there and the next glyph keeps its own Td.
 */
function overlaps(advance: number, moved: number | undefined, size: number): boolean {
  return moved !== undefined && advance - moved > size / 10;
}

/** A run as a TJ array (its operand): between two strings, the first one's advance less the move to the next, in thousandths. */
function joined(run: Shown[], size: number, scale: number): string {
  const items: string[] = [];
  run.forEach((shown, index) => {
    const next = run[index + 1];
    items.push(shown.hex);
    if (next?.moved === undefined) return;
    const offset = ((shown.advance - next.moved) * 1000) / (size * scale);
    if (Math.abs(offset) >= 0.005) items.push(pdfNumber(offset, 2));
  });
  return `[${items.join(' ')}]`;
}

/**
 * The stream `text` with its runs of single glyphs joined, or undefined when
 * it has none (or cannot be read: an inline image). `fontOf` gives the
 * widths of a font resource by name; only Type0 fonts with two-byte codes
 * (what Chromium writes) have them, and only their glyphs are joined.
 * `ops`: the stream's operations, if read already. `edited`: edits of the
 * text that `ops` already show (plain-spans.ts): each is made too, unless a
 * joined run replaces its text.
 */
export function joinGlyphRuns(
  text: string,
  fontOf: (name: string) => GlyphWidths | undefined,
  ops: Operation[] | undefined = operations(text),
  edited: readonly Edit[] = [],
): string | undefined {
  const edits = ops ? glyphRunEdits(ops, fontOf, edited) : [];
  return edits.length === 0 ? undefined : replaceSpans(text, edits);
}

/**
 * The edits that join the runs of the stream whose operations are `ops`
 * (see joinGlyphRuns), and those of `edited` no run covers; none when
 * there are none.
 */
export function glyphRunEdits(ops: Operation[], fontOf: (name: string) => GlyphWidths | undefined, edited: readonly Edit[] = []): Edit[] {
  const edits: Edit[] = [];
  let run: { from: number; to: number; shown: Shown[]; size: number; scale: number } | undefined;

  // Each two-byte code's advance, added up (a loop rather than forEachCode: a run's every glyph passes here).
  const advanceOf = (hex: string, { font, size, charSpacing, scale }: TextState<GlyphWidths>): number => {
    let advance = 0;
    let code = 0;
    let digits = 0;
    for (let at = 0; at < hex.length; at += 1) {
      const digit = hexDigit(hex.charCodeAt(at));
      if (digit === -1) continue;
      code = code * 16 + digit;
      if ((digits += 1) < 4) continue;
      advance += (((font?.width(code) ?? 0) / 1000) * size + charSpacing) * scale;
      code = 0;
      digits = 0;
    }
    return advance;
  };

  const close = (next: number): void => {
    const ended = run;
    run = undefined;
    if (!ended || ended.shown.length < 2) return;
    const use = lineMatrixUsed(ops, next);
    // A glyph drawn on from the text matrix right after the run, with no Td: left as it is (Chromium writes none).
    if (use === 'text') return;
    const moved = ended.shown.reduce((sum, shown) => sum + (shown.moved ?? 0), 0);
    const start = (ops[ended.from] as Operation).start;
    const end = (ops[ended.to] as Operation).end;
    // The edit's operations, as the text says them: the TJ, and the Td that puts the line matrix back.
    const array = joined(ended.shown, ended.size, ended.scale);
    const shown = `${array} TJ`;
    const written: Operation[] = [{ operator: 'TJ', operands: [array], start: 0, end: shown.length }];
    if (use !== 'line' || moved === 0) return void edits.push({ start, end, text: shown, ops: written });
    const x = pdfNumber(moved);
    const text = `${shown}\n${x} 0 Td`;
    written.push({ operator: 'Td', operands: [x, '0'], start: shown.length + 1, end: text.length });
    edits.push({ start, end, text, ops: written });
  };

  // Each operation with the text state it runs in (stream-walker.ts): a run takes the size and scale of its glyphs.
  walkStream(ops, fontOf, ({ operator, operands }, index, walk) => {
    const state = walk.text;
    if (operator === 'Tj') {
      const hex = operands[0] ?? '';
      const showable = state.font !== undefined && state.size > 0 && state.scale > 0 && hex.startsWith('<') && !hex.startsWith('<<');
      if (showable) {
        const previous = ops[index - 1];
        const movedBy = previous?.operator === 'Td' && Number(previous.operands[1]) === 0 ? Number(previous.operands[0]) : undefined;
        const last = run?.shown[run.shown.length - 1];
        const follows = run !== undefined && (run.to === index - 1 || (run.to === index - 2 && movedBy !== undefined));
        if (run && last && follows && overlaps(last.advance, movedBy, state.size * state.scale)) {
          // The glyph drawn over is left as it was, between two runs.
          run.shown.pop();
          const before = run.shown[run.shown.length - 1];
          if (before) run.to = before.at;
          close(last.at - 1);
        } else if (run && follows) {
          run.shown.push({ hex, advance: advanceOf(hex, state), moved: run.to === index - 1 ? undefined : movedBy, at: index });
          run.to = index;
          return;
        }
        if (run) close(index);
        run = { from: index, to: index, shown: [{ hex, advance: advanceOf(hex, state), moved: undefined, at: index }], size: state.size, scale: state.scale };
        return;
      }
    }
    // A Td on the baseline may lead to the run's next glyph; anything else ends the run.
    if (operator === 'Td' && run?.to === index - 1 && Number(operands[1]) === 0 && ops[index + 1]?.operator === 'Tj') return;
    if (run) close(index);
  });
  close(ops.length);
  // The runs are in the order of the text, and so are the edits.
  let next = 0;
  const outside = edited.filter((edit) => {
    while (next < edits.length && (edits[next] as Edit).end <= edit.start) next += 1;
    const covering = edits[next];
    return covering === undefined || edit.end <= covering.start;
  });
  return [...edits, ...outside];
}
