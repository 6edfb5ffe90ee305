/**
 * The one walk the text layer's rewrites share: the text state saved and
 * restored with the graphics state, fonts changed inside nested q/Q, the
 * text line and the pen moved by Tm, Td, Tj and TJ, and the marked content
 * (with its ActualText) open around each operation.
 */
import { describe, expect, it } from 'vitest';
import { operations } from '../../scripts/pdf/content-stream.ts';
import { walkStream, type Advances, type Matrix } from '../../scripts/pdf/stream-walker.ts';

/** F1 draws code 0x30 500 thousandths wide, F2 1000. */
const FONTS: Record<string, Advances> = { F1: { width: () => 500 }, F2: { width: () => 1000 } };

const STREAM = `BT /F1 10 Tf ET
q
BT /F2 12 Tf 2 Tc 50 Tz <0030> Tj ET
q
BT /F1 8 Tf <0030> Tj ET
Q
BT <0030> Tj ET
Q
BT <0030> Tj ET
/Span <</ActualText <FEFF0061>>> BDC
/ReversedChars BMC
BT 1 0 0 1 0 0 Tm 5 3 Td <0030> Tj 2 0 Td [<0030> -500 <0030>] TJ <0030> Tj ET
EMC
EMC`;

interface Seen {
  operator: string;
  font?: string;
  size: number;
  charSpacing: number;
  scale: number;
  line: { x: number; y: number };
  pen: number;
  marked: string[];
  inText: boolean;
}

function walked(text: string): Seen[] {
  const seen: Seen[] = [];
  walkStream(operations(text) ?? [], (name) => FONTS[name], (op, _, walk) => {
    const marked = walk.marked.map((one) => `${one.tag}${one.actualText === undefined ? '' : ` ${one.actualText}`}`);
    seen.push({ operator: op.operator, ...(walk.text.fontName ? { font: walk.text.fontName } : {}), size: walk.text.size, charSpacing: walk.text.charSpacing, scale: walk.text.scale, line: walk.line, pen: walk.pen, marked, inText: walk.inText });
  }, { positions: true });
  return seen;
}

describe('walkStream', () => {
  it('restores the font, its size, Tc and Tz with the graphics state, through nested q/Q', () => {
    const shown = walked(STREAM).filter((one) => one.operator === 'Tj' || one.operator === 'TJ');
    expect(shown.slice(0, 4).map(({ font, size, charSpacing, scale }) => ({ font, size, charSpacing, scale }))).toEqual([
      { font: 'F2', size: 12, charSpacing: 2, scale: 0.5 },
      { font: 'F1', size: 8, charSpacing: 2, scale: 0.5 },
      { font: 'F2', size: 12, charSpacing: 2, scale: 0.5 },
      { font: 'F1', size: 10, charSpacing: 0, scale: 1 },
    ]);
  });

  it('moves the line with Tm and Td, the pen with each glyph and TJ offset, and gives each operation the marked content around it', () => {
    const seen = walked(STREAM);
    const last = seen.slice(seen.findLastIndex((one) => one.operator === 'BT'));
    const at = (operator: string, nth = 0) => last.filter((one) => one.operator === operator)[nth];
    expect(at('Tj')).toMatchObject({ line: { x: 5, y: 3 }, pen: 5, inText: true });
    expect(at('TJ')).toMatchObject({ line: { x: 7, y: 3 }, pen: 7 });
    // The TJ: two glyphs of 5 and 5 back between them moved on: 7 + 5 + 5 + 5.
    expect(at('Tj', 1)).toMatchObject({ pen: 22 });
    expect(at('Tj', 1)?.marked).toEqual(['/Span <FEFF0061>', '/ReversedChars']);
    const closing = seen.filter((one) => one.operator === 'EMC');
    expect(closing.map((one) => one.marked.length)).toEqual([2, 1]);
    expect(seen.find((one) => one.operator === 'q')?.inText).toBe(false);
  });

  it('keeps the transformation matrix, multiplied by each cm and restored by Q, as an image drawn by Do is placed', () => {
    const stream = 'q .24 0 0 -.24 0 612 cm q 3.125 0 0 3.125 0 0 cm q 400 0 0 -200 50 800 cm /X1 Do Q /X2 Do Q Q /X3 Do';
    const seen: [string, Matrix][] = [];
    walkStream<Advances>(operations(stream) ?? [], () => undefined, (op, _, walk) => {
      if (op.operator === 'Do') seen.push([op.operands[0] ?? '', walk.ctm.map((value) => Math.round(value * 1000) / 1000) as unknown as Matrix]);
    });
    // Chromium's way: CSS px at 0.75 pt, y down from the page's top; a 400 × 200 px image 50 px from the left, its foot 800 px down.
    expect(seen).toEqual([
      ['/X1', [300, 0, 0, 150, 37.5, 12]],
      ['/X2', [0.75, 0, 0, -0.75, 0, 612]],
      ['/X3', [1, 0, 0, 1, 0, 0]],
    ]);
  });
});
