/**
 * One walk through a content stream's operations that keeps the state the
 * text layer's rewrites read, as pdf.js's evaluator keeps it for its text
 * extraction: the text state (font, size, Tc, Tw, Tz, TL, Tr), saved and
 * restored with the graphics state (q/Q); whether a text object is open
 * (BT/ET); where the text line starts (Tm, Td, TD, T*) and where the next
 * glyph goes; the current transformation matrix (cm), saved and restored
 * with it, which places an image drawn by Do; and the marked content open
 * around each operation, with its ActualText. Each rewrite (plain-spans.ts, hyphen-lines.ts, glyph-runs.ts,
 * cluster-spans.ts, notdef.ts) is a visitor: it is called for every
 * operation with the state in which that operation runs, before the
 * operation changes it (at a Tf, the font before; at a BDC, the marked
 * content around it; at its EMC, the same).
 */
import { actualTextIn, forEachCode, type Operation } from './content-stream.ts';

/** What the walk needs of a font: the advance of a code, in thousandths of the size (its W entry). */
export interface Advances {
  width(code: number): number;
}

/** The text state, part of the graphics state. */
export interface TextState<F> {
  /** The font resource named by the last Tf (its name without the slash), and its size. */
  fontName: string | undefined;
  font: F | undefined;
  size: number;
  /** Tc and Tw, in text space units; Tz as a factor (1 for 100); TL; Tr. */
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  render: number;
}

/** A marked-content sequence open around an operation: its tag (`/Span`) and its ActualText as written, if any. */
export interface Marked {
  tag: string;
  actualText: string | undefined;
}

export interface WalkOptions {
  /** Whether to keep the text line and the pen (`line`, `pen`): a glyph's place. Default false: they stay at 0. */
  positions?: boolean;
  /** The matrix in force where the stream starts (a form's, drawn inside a page). Default: the identity. */
  matrix?: Matrix;
}

/** A transformation matrix [a b c d e f], as cm writes it: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `first` then `second`: the matrix cm makes of its operand (`first`) and the current one (`second`). */
export function multiply(first: Matrix, second: Matrix): Matrix {
  const [a, b, c, d, e, f] = first;
  const [a2, b2, c2, d2, e2, f2] = second;
  return [a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2];
}

/** The state an operation runs in. */
export interface Walk<F> {
  text: TextState<F>;
  /** The current transformation matrix, from the stream's space (its start: `WalkOptions.matrix`) to the page's; a new array at each change. */
  ctm: Matrix;
  /** Whether a text object (BT … ET) is open. */
  inText: boolean;
  /** The text line's start since the last BT or Tm, in text space (Td adds to it); a new object at each move. */
  line: { x: number; y: number };
  /** Where the next glyph is drawn along the line, in text space: the line's start, moved on by each glyph shown. */
  pen: number;
  /** Marked content open around the operation, innermost last. */
  marked: readonly Marked[];
}

const initialText = <F>(): TextState<F> => ({ fontName: undefined, font: undefined, size: 0, charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, render: 0 });

/** How far a string of two-byte codes moves the pen. */
function advanceOf<F extends Advances>(hex: string, text: TextState<F>): number {
  let advance = 0;
  forEachCode(hex, (code) => {
    advance += (((text.font?.width(code) ?? 0) / 1000) * text.size + text.charSpacing) * text.scale;
  });
  return advance;
}

/**
 * Calls `visit` with each operation of `ops`, its index and the state it
 * runs in. `fontOf` gives a font resource by its name. The state passed is
 * the walk's own: a visitor reads it during the call, and copies what it keeps.
 */
export function walkStream<F extends Advances>(
  ops: readonly Operation[],
  fontOf: (name: string) => F | undefined,
  visit: (op: Operation, index: number, walk: Walk<F>) => void,
  options: WalkOptions = {},
): void {
  const { positions = false, matrix = IDENTITY } = options;
  const walk: Walk<F> & { marked: Marked[] } = { text: initialText<F>(), ctm: matrix, inText: false, line: { x: 0, y: 0 }, pen: 0, marked: [] };
  const saved: { text: TextState<F>; ctm: Matrix }[] = [];
  const moveLine = (x: number, y: number): void => {
    if (!positions) return;
    walk.line = { x: walk.line.x + x, y: walk.line.y + y };
    walk.pen = walk.line.x;
  };
  for (let index = 0; index < ops.length; index += 1) {
    const op = ops[index] as Operation;
    visit(op, index, walk);
    // Most of a page's operations place and show glyphs: they change nothing a walk without positions keeps.
    if (!positions && (op.operator === 'Tj' || op.operator === 'Td' || op.operator === 'TJ')) continue;
    const first = op.operands[0] ?? '';
    const second = op.operands[1] ?? '';
    switch (op.operator) {
      case 'q':
        saved.push({ text: walk.text, ctm: walk.ctm });
        break;
      case 'Q': {
        const state = saved.pop();
        if (state) [walk.text, walk.ctm] = [state.text, state.ctm];
        break;
      }
      case 'cm': {
        const matrix = op.operands.map(Number);
        if (matrix.length === 6 && matrix.every(Number.isFinite)) walk.ctm = multiply(matrix as unknown as Matrix, walk.ctm);
        break;
      }
      case 'Tf':
        walk.text = { ...walk.text, fontName: first.slice(1), font: fontOf(first.slice(1)), size: Number(second) };
        break;
      case 'Tc':
        walk.text = { ...walk.text, charSpacing: Number(first) };
        break;
      case 'Tw':
        walk.text = { ...walk.text, wordSpacing: Number(first) };
        break;
      case 'Tz':
        walk.text = { ...walk.text, scale: Number(first) / 100 };
        break;
      case 'TL':
        walk.text = { ...walk.text, leading: Number(first) };
        break;
      case 'Tr':
        walk.text = { ...walk.text, render: Number(first) };
        break;
      case 'BT':
        walk.inText = true;
        if (positions) [walk.line, walk.pen] = [{ x: 0, y: 0 }, 0];
        break;
      case 'ET':
        walk.inText = false;
        break;
      case 'Tm':
        if (positions) [walk.line, walk.pen] = [{ x: 0, y: 0 }, 0];
        break;
      case 'Td':
        moveLine(Number(first), Number(second));
        break;
      case 'TD':
        walk.text = { ...walk.text, leading: -Number(second) };
        moveLine(Number(first), Number(second));
        break;
      case 'T*':
        moveLine(0, -walk.text.leading);
        break;
      case 'Tj':
        if (positions) walk.pen += advanceOf(first, walk.text);
        break;
      case "'":
        moveLine(0, -walk.text.leading);
        if (positions) walk.pen += advanceOf(first, walk.text);
        break;
      case '"':
        walk.text = { ...walk.text, wordSpacing: Number(first), charSpacing: Number(second) };
        moveLine(0, -walk.text.leading);
        if (positions) walk.pen += advanceOf(op.operands[2] ?? '', walk.text);
        break;
      case 'TJ':
        // Strings, and numbers between them that move the pen back by thousandths of the size.
        if (positions) for (const [item = ''] of first.matchAll(/<[0-9A-Fa-f\s]*>|[-+]?[\d.]+/g)) {
          walk.pen += item.startsWith('<') ? advanceOf(item, walk.text) : -(Number(item) / 1000) * walk.text.size * walk.text.scale;
        }
        break;
      case 'BMC':
      case 'BDC':
        walk.marked.push({ tag: first, actualText: op.operator === 'BDC' ? actualTextIn(second) : undefined });
        break;
      case 'EMC':
        walk.marked.pop();
        break;
    }
  }
}
