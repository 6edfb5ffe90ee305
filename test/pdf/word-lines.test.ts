/**
 * A line that ends inside a word (two CJK letters meet there, or the
 * caller's `continues` says so): at the start of the next line's text
 * object, a soft hyphen drawn where the line ended, that paints nothing and
 * moves nothing, which poppler reads as a hyphen (its ActualText) and so
 * joins the lines, dropping it; then the next line's state set back. Lines
 * set far apart get it unseen and set down towards the next line. A line that ends with
 * punctuation, a next line a paragraph away, or letters of another script
 * are left as they are.
 */
import { describe, expect, it } from 'vitest';
import { operations, replaceSpans } from '../../scripts/pdf/content-stream.ts';
import { wordLineEdits, type Rereadable } from '../../scripts/pdf/word-lines.ts';

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

function joined(
  stream: string,
  continues?: (tail: string, head: string) => boolean,
): { text: string; asked: { code: number; text: string; width: number | undefined }[] } {
  const asked: { code: number; text: string; width: number | undefined }[] = [];
  const font = fontWith(asked);
  return { text: replaceSpans(stream, wordLineEdits(operations(stream) ?? [], (name) => (name === 'F1' ? font : undefined), { continues })), asked };
}

/** The mark drawn at the start of the next line (set at `y`): at the first line's end, x = 64 + 393.05 + two advances of 13.33 + 0.25 of kerning. */
const MARK = (next: string) =>
  `${next} Tm\n/Span<</ActualText <FEFF002D>>> BDC /F1 13.33 Tf 0.001 Tz 1 0 0 -1 483.96127 888 Tm <0099> Tj 100 Tz /F1 13.33 Tf ${next} Tm EMC\n`;

describe('wordLineEdits', () => {
  it("draws a soft hyphen at a CJK line's end, squeezed, with no advance and a hyphen for ActualText, first in the next line's text object", () => {
    const { text, asked } = joined(lines(0x1a, 0x13));
    expect(asked).toEqual([{ code: 0x1a, text: '\u00AD', width: 0 }]);
    // The second line still sets its own place, after the mark.
    expect(text).toContain(`${MARK('1 0 0 -1 48 906')}<0013> Tj`);
  });

  it('joins a line of another script where `continues` says its last word and the next line\'s first are one', () => {
    const asked: [string, string][] = [];
    const { text } = joined(lines(0x31, 0x30), (tail, head) => asked.push([tail, head]) > 0);
    expect(asked).toEqual([['ab', 'a']]);
    expect(text).toContain(`${MARK('1 0 0 -1 48 906')}<0030> Tj`);
    expect(joined(lines(0x31, 0x30), () => false).text).toBe(lines(0x31, 0x30));
  });

  it('draws the mark unseen, set down towards the next line, where lines are more than 1.45 sizes apart', () => {
    // 20 units apart at 13.33: 1.5 sizes; set down by 20 - 1.47 × 13.33 (in text space, whose y runs up here).
    const { text } = joined(lines(0x31, 0x30, 20), () => true);
    expect(text).toContain('BDC /F1 13.33 Tf 3 Tr -0.4049 Ts 1 0 0 -1 483.96127 888 Tm <0099> Tj 0 Ts 0 Tr /F1 13.33 Tf 1 0 0 -1 48 908 Tm EMC\n<0030> Tj');
  });

  it('leaves a line that ends with punctuation, a line of another script, and a next line a paragraph away', () => {
    for (const stream of [lines(0x20, 0x13), lines(0x31, 0x30), lines(0x1a, 0x13, 30)]) expect(joined(stream).text).toBe(stream);
  });
});
