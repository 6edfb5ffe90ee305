/**
 * A right-to-left run (/ReversedChars) drawn again from its right end: a
 * small reader of text operators (below) finds every glyph at the same
 * place, seen or unseen as before, but drawn in the opposite order; an
 * unseen copy of a mark comes right after the letter it follows, a
 * hundredth of an em left of that letter's start; a span nested in the run,
 * text outside runs and a run with no right-to-left letter are left as they are.
 */
import { describe, expect, it } from 'vitest';
import { codesOf, operations, replaceSpans } from '../../scripts/pdf/content-stream.ts';
import { logicalOrderEdits, type Readable } from '../../scripts/pdf/logical-order.ts';

/** Widths in thousandths of the size, by code: code 5 is a mark's unseen copy (no advance), 9 a dot drawn apart, 1 a space, 7 a bidi isolate. */
const WIDTHS: Record<number, number> = { 1: 250, 2: 500, 3: 150, 4: 333, 5: 0, 7: 150, 9: 0 };
const READS: Record<number, string> = { 1: ' ', 2: 'ن', 3: 'ل', 4: 'ا', 5: '\u064B', 7: '\u2069', 9: ' ' };
const font: Readable = { width: (code) => WIDTHS[code] ?? 600, map: new Map(Object.entries(READS).map(([code, text]) => [Number(code), text])) };
const fontOf = (name: string): Readable | undefined => (name === 'F1' ? font : undefined);

interface Drawn {
  code: number;
  x: number;
  y: number;
  render: number;
}

/** Each glyph in drawing order, where it is drawn in the text space of the last Tm, and its rendering mode. */
function drawn(stream: string): Drawn[] {
  const glyphs: Drawn[] = [];
  let line = { x: 0, y: 0 };
  let pen = { x: 0, y: 0 };
  let size = 0;
  let render = 0;
  const show = (hex: string): void => {
    for (const code of codesOf(hex)) {
      glyphs.push({ code, ...pen, render });
      pen = { x: pen.x + (font.width(code) / 1000) * size, y: pen.y };
    }
  };
  for (const { operator, operands } of operations(stream) ?? []) {
    const numbers = operands.map(Number);
    if (operator === 'Tf') size = numbers[1] ?? 0;
    else if (operator === 'Tr') render = numbers[0] ?? 0;
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

const rewritten = (stream: string): string => replaceSpans(stream, logicalOrderEdits(operations(stream) ?? [], fontOf));

/** Glyphs by place, whatever the order they are drawn in, positions to a millionth. */
const byPlace = (glyphs: Drawn[]): string[] => glyphs.map(({ code, x, y, render }) => `${code} ${x.toFixed(6)} ${y.toFixed(6)} ${render}`).sort();

// One word of three letters drawn from its left end, then its dots apart in a span that reads as nothing.
const WORD = [
  'BT',
  '/ReversedChars BMC',
  '/F1 10 Tf',
  '1 0 0 -1 100 200 Tm',
  '0 0 Td [<0002> 12 <0003> <0004>] TJ',
  '9.73 0 Td',
  '/Span<</ActualText <feff>>> BDC',
  '-5 -3 Td <0009> Tj',
  'EMC',
  '5 3 Td',
  'EMC',
  'ET',
].join('\n');

describe('logicalOrderEdits', () => {
  it("draws a run's letters from its right end, each where it was, and leaves its span of dots as it was", () => {
    const before = drawn(WORD);
    const after = drawn(rewritten(WORD));
    expect(before.map((glyph) => glyph.code)).toEqual([2, 3, 4, 9]);
    expect(after.map((glyph) => glyph.code)).toEqual([4, 3, 2, 9]);
    expect(byPlace(after)).toEqual(byPlace(before));
    // Each letter drawn left of the one before it.
    const [first, second, third] = after;
    expect(second?.x).toBeLessThan(first?.x ?? 0);
    expect(third?.x).toBeLessThan(second?.x ?? 0);
  });

  it("draws a mark's unseen copy right after the letter it follows, a hundredth of an em left of that letter's start", () => {
    // Drawn from the left: letter 2, the copy of a mark (5, Tr 3) where letter 3 starts, letters 3 and 4.
    const stream = ['BT', '/ReversedChars BMC', '/F1 10 Tf', '1 0 0 -1 100 200 Tm', '0 0 Td <0002> Tj', '3 Tr 5 0 Td <0005> Tj 0 Tr', '0 0 Td [<0003> <0004>] TJ', 'EMC', 'ET'].join('\n');
    const before = drawn(stream);
    const after = drawn(rewritten(stream));
    expect(after.map((glyph) => glyph.code)).toEqual([4, 3, 5, 2]);
    const seen = (glyphs: Drawn[]): string[] => byPlace(glyphs.filter((glyph) => glyph.render === 0));
    expect(seen(after)).toEqual(seen(before));
    const mark = after.find((glyph) => glyph.code === 5);
    expect(mark?.render).toBe(3);
    expect(mark?.x).toBeCloseTo(5 - 0.1, 6);
    expect(after.find((glyph) => glyph.code === 2)?.render).toBe(0);
  });

  it('leaves the line where the run left it, for what is placed after it', () => {
    const stream = WORD.replace('5 3 Td\nEMC', '5 3 Td\nEMC\n2 0 Td <0002> Tj');
    const last = (glyphs: Drawn[]): Drawn | undefined => glyphs[glyphs.length - 1];
    expect(last(drawn(rewritten(stream)))).toEqual(last(drawn(stream)));
  });

  it('leaves text outside right-to-left runs, and a run with no right-to-left letter, as they are', () => {
    const stream = WORD.replace('/ReversedChars BMC', '/Span BMC');
    expect(logicalOrderEdits(operations(stream) ?? [], fontOf)).toEqual([]);
    // A space and the bidi isolate after a Latin word in a right-to-left line: reversed, poppler took the isolate for a word of its own.
    const neutral = WORD.replace('[<0002> 12 <0003> <0004>] TJ', '[<0001> <0007>] TJ');
    expect(logicalOrderEdits(operations(neutral) ?? [], fontOf)).toEqual([]);
  });
});
