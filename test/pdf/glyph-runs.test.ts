/**
 * Joining the glyphs Chromium draws one by one into TJ runs moves no glyph:
 * a small reader of text operators (below) finds every glyph at the same
 * place before and after, with far fewer operators; a glyph drawn back over
 * the one before (a soft hyphen's) keeps operators of its own.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codesOf, operations } from '../../scripts/pdf/content-stream.ts';
import { glyphRunEdits, joinGlyphRuns, type GlyphWidths } from '../../scripts/pdf/glyph-runs.ts';

/** Widths in thousandths of the size, by code: code 1 is a space, code 9 draws nothing and takes no room in the layout. */
const WIDTHS: Record<number, number> = { 1: 250, 2: 500, 3: 612, 4: 333, 9: 178 };
const widths: GlyphWidths = { width: (code) => WIDTHS[code] ?? 600 };
const fontOf = (name: string): GlyphWidths | undefined => (name === 'F1' ? widths : undefined);

interface Placed {
  code: number;
  x: number;
  y: number;
}

/** Where each glyph is drawn, in the text space of the last Tm, by the PDF rules for Td, Tj and TJ. */
function placed(stream: string): Placed[] {
  const glyphs: Placed[] = [];
  let line = { x: 0, y: 0 };
  let pen = { x: 0, y: 0 };
  let size = 0;
  let font: GlyphWidths | undefined;
  const show = (hex: string): void => {
    for (const code of codesOf(hex)) {
      glyphs.push({ code, ...pen });
      pen = { x: pen.x + ((font?.width(code) ?? 0) / 1000) * size, y: pen.y };
    }
  };
  for (const { operator, operands } of operations(stream) ?? []) {
    const numbers = operands.map(Number);
    if (operator === 'Tf') [font, size] = [fontOf((operands[0] ?? '').slice(1)), numbers[1] ?? 0];
    else if (operator === 'Tm' || operator === 'BT') pen = line = { x: 0, y: 0 };
    else if (operator === 'Td') pen = line = { x: line.x + (numbers[0] ?? 0), y: line.y + (numbers[1] ?? 0) };
    else if (operator === 'Tj') show(operands[0] ?? '');
    else if (operator === 'TJ') {
      for (const item of (operands[0] ?? '').slice(1, -1).match(/<[^>]*>|-?[\d.]+/g) ?? []) {
        if (item.startsWith('<')) show(item);
        else pen = { x: pen.x - (Number(item) / 1000) * size, y: pen.y };
      }
    }
  }
  return glyphs;
}

const count = (stream: string, operator: string): number => (operations(stream) ?? []).filter((op) => op.operator === operator).length;

function expectSamePlaces(before: string, after: string): void {
  const [was, is] = [placed(before), placed(after)];
  expect(is.map(({ code }) => code)).toEqual(was.map(({ code }) => code));
  is.forEach((glyph, index) => {
    expect(glyph.x).toBeCloseTo((was[index] as Placed).x, 2);
    expect(glyph.y).toBeCloseTo((was[index] as Placed).y, 2);
  });
}

/** A line as Chromium writes it: each glyph `advance + extra` from the one before. */
const chromiumLine = (codes: number[], size: number, extra: (index: number) => number): string =>
  codes
    .map((code, index) => {
      const previous = codes[index - 1];
      const move = previous === undefined ? undefined : ((WIDTHS[previous] ?? 600) / 1000) * size + extra(index);
      return `${move === undefined ? '' : `${move} 0 Td `}<${code.toString(16).padStart(4, '0')}> Tj`;
    })
    .join('\n');

describe('joinGlyphRuns', () => {
  it('writes a line of single glyphs as one TJ, every glyph where it was', () => {
    // Justified: the spaces are wider than their advance.
    const stream = `BT\n/F1 10 Tf\n1 0 0 -1 48 856 Tm\n${chromiumLine([2, 3, 1, 4, 2, 1, 3], 10, (i) => (i === 3 || i === 6 ? 1.75 : 0.01))}\nET`;
    const joined = joinGlyphRuns(stream, fontOf) as string;
    expect(count(stream, 'Tj')).toBe(7);
    expect(count(joined, 'TJ')).toBe(1);
    expect(count(joined, 'Tj') + count(joined, 'Td')).toBe(0);
    expectSamePlaces(stream, joined);
  });

  it('moves the line matrix to the last glyph when the next line is placed from it', () => {
    const stream = `BT\n/F1 12 Tf\n1 0 0 -1 48 856 Tm\n${chromiumLine([2, 3, 2], 12, () => 0.2)}\n-13.9 14 Td <0003> Tj\n7 0 Td <0002> Tj\nET`;
    const joined = joinGlyphRuns(stream, fontOf) as string;
    expect(count(joined, 'TJ')).toBe(2);
    expectSamePlaces(stream, joined);
  });

  it('leaves a glyph drawn back over the one before with its own operators, between two runs', () => {
    // "vul|ner": code 9 (a soft hyphen's glyph) takes no room, and the next glyph starts where it does.
    const stream = `BT\n/F1 10 Tf\n1 0 0 -1 0 0 Tm\n<0002> Tj\n5 0 Td <0003> Tj\n6.12 0 Td <0009> Tj\n0 0 Td <0002> Tj\n5 0 Td <0003> Tj\nET`;
    const joined = joinGlyphRuns(stream, fontOf) as string;
    expect(joined).toMatch(/0 Td <0009> Tj/);
    expect(joined).toMatch(/0 0 Td \[<0002> <0003>\] TJ/);
    expectSamePlaces(stream, joined);
  });

  it('joins glyphs whose Td writes the baseline’s zero otherwise than Chromium does, and none moved up or down', () => {
    const stream = `BT\n/F1 10 Tf\n1 0 0 -1 0 0 Tm\n<0002> Tj\n5 0.0 Td <0003> Tj\n6.12 -0 Td <0002> Tj\n5 0.5 Td <0003> Tj\nET`;
    const joined = joinGlyphRuns(stream, fontOf) as string;
    expect(joined).toMatch(/^\[<0002> <0003> <0002>\] TJ$/m);
    expect(joined).toMatch(/5 0\.5 Td <0003> Tj/);
    expectSamePlaces(stream, joined);
  });

  it('leaves alone what it cannot place: another kind of font, a glyph drawn on with no Td', () => {
    const other = `BT\n/F2 10 Tf\n<0002> Tj\n5 0 Td <0003> Tj\nET`;
    expect(joinGlyphRuns(other, fontOf)).toBeUndefined();
    const drawnOn = `BT\n/F1 10 Tf\n<0002> Tj\n5 0 Td <0003> Tj\n/F2 10 Tf\n<0002> Tj\nET`;
    expect(joinGlyphRuns(drawnOn, fontOf)).toBeUndefined();
  });

  it('keeps every glyph in place for any line Chromium could write', () => {
    const glyph = fc.record({ code: fc.constantFrom(1, 2, 3, 4, 9), extra: fc.double({ min: -0.5, max: 3, noNaN: true }), newLine: fc.boolean() });
    fc.assert(
      fc.property(fc.array(glyph, { minLength: 1, maxLength: 40 }), fc.double({ min: 4, max: 30, noNaN: true }), (glyphs, size) => {
        const lines = glyphs.map(({ code, extra, newLine }, index) => {
          const hex = `<${code.toString(16).padStart(4, '0')}>`;
          if (index === 0) return `${hex} Tj`;
          const previous = glyphs[index - 1]?.code ?? 0;
          // A soft hyphen's glyph takes no room: the next glyph starts where it does.
          const move = previous === 9 ? 0 : ((WIDTHS[previous] ?? 600) / 1000) * size + extra;
          return newLine ? `-${index * 3} ${size * 1.3} Td ${hex} Tj` : `${move} 0 Td ${hex} Tj`;
        });
        const stream = `BT\n/F1 ${size} Tf\n1 0 0 -1 20 700 Tm\n${lines.join('\n')}\nET`;
        expectSamePlaces(stream, joinGlyphRuns(stream, fontOf) ?? stream);
        // Each joined run says its own operations, as reading its text gives them (stream-edits.ts takes them).
        for (const edit of glyphRunEdits(operations(stream) ?? [], fontOf)) expect(edit.ops).toEqual(operations(edit.text));
      }),
    );
  });
});
