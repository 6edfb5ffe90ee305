/**
 * A Chinese or Japanese line that ends inside a word: after its last
 * letter, a soft hyphen that paints nothing and moves nothing, which poppler
 * reads as a hyphen (its ActualText) and so joins the lines, dropping it; the
 * line's ET and the next line's BT go. A line that ends with punctuation, a next line a paragraph away,
 * or letters of another script are left as they are.
 */
import { describe, expect, it } from 'vitest';
import { operations, replaceSpans } from '../../scripts/pdf/content-stream.ts';
import { cjkLineEdits, type Rereadable } from '../../scripts/pdf/cjk-lines.ts';

const READS: Record<number, string> = { 0x1a: '性', 0x13: '别', 0x20: '。', 0x30: 'a', 0x31: 'b' };

/** A font whose codes read as above; codeFor records what it was asked for and gives a new code. */
function fontWith(asked: { code: number; text: string; width: number | undefined }[]): Rereadable {
  return {
    width: () => 1000,
    map: new Map(Object.entries(READS).map(([code, text]) => [Number(code), text])),
    codeFor: (code, text, width) => {
      asked.push({ code, text, width });
      return 0x99;
    },
  };
}

/** Two lines, one text object each; `gap`: how far the second line's baseline is below the first's. */
const lines = (last: number, first: number, gap = 18): string =>
  [
    'BT',
    '/F1 13.33 Tf',
    '1 0 0 -1 64 888 Tm',
    `393.05 0 Td [<0030> -18.85 <${last.toString(16).padStart(4, '0')}>] TJ`,
    'ET',
    'BT',
    '/F1 13.33 Tf',
    `1 0 0 -1 48 ${888 + gap} Tm`,
    `<${first.toString(16).padStart(4, '0')}> Tj`,
    'ET',
  ].join('\n');

function joined(stream: string): { text: string; asked: { code: number; text: string; width: number | undefined }[] } {
  const asked: { code: number; text: string; width: number | undefined }[] = [];
  const font = fontWith(asked);
  return { text: replaceSpans(stream, cjkLineEdits(operations(stream) ?? [], (name) => (name === 'F1' ? font : undefined))), asked };
}

describe('cjkLineEdits', () => {
  it("draws a soft hyphen after a line's last letter, squeezed, with no advance and a hyphen for ActualText, and joins the two text objects", () => {
    const { text, asked } = joined(lines(0x1a, 0x13));
    expect(asked).toEqual([{ code: 0x1a, text: '\u00AD', width: 0 }]);
    expect(text).toContain('<001a>] TJ\n/Span<</ActualText <FEFF002D>>> BDC 0.001 Tz <0099> Tj 100 Tz EMC');
    const ops = operations(text) ?? [];
    expect(ops.filter((op) => op.operator === 'BT')).toHaveLength(1);
    expect(ops.filter((op) => op.operator === 'ET')).toHaveLength(1);
    // The second line still sets its own place.
    expect(text).toContain('1 0 0 -1 48 906 Tm\n<0013> Tj');
  });

  it('leaves a line that ends with punctuation, a line of another script, and a next line a paragraph away', () => {
    for (const stream of [lines(0x20, 0x13), lines(0x31, 0x30), lines(0x1a, 0x13, 30)]) expect(joined(stream).text).toBe(stream);
  });
});
