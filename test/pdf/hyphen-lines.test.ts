/**
 * A line-end hyphen's text object joined with the next line's, so that
 * MuPDF reads the two lines as one paragraph and joins the word back: the
 * ET and BT between them go, and nothing moves.
 */
import { describe, expect, it } from 'vitest';
import { operations, replaceSpans } from '../../scripts/pdf/content-stream.ts';
import { joinHyphenLines } from '../../scripts/pdf/hyphen-lines.ts';
import { drawnGlyphs, testCidFont } from '../helpers/cid-fonts.ts';

/** Code 0x30 reads "a", 0x40 "b", 0xb2 a hyphen. */
const font = () => testCidFont([0x0030, [500], 0x0040, [500], 0x00b2, [300]], `<0030> <0061>\n<0040> <0062>\n<00B2> <002D>`);

const BROKEN = `BT
/F1 10 Tf
1 0 0 -1 120 800 Tm
<0030> Tj
5 0 Td <0040> Tj
ET
BT
/F1 10 Tf
1 0 0 -1 200 800 Tm
<00b2> Tj
ET
BT
/F1 10 Tf
1 0 0 -1 100 818 Tm
<0040> Tj
ET`;

describe('joinHyphenLines', () => {
  it('draws a line-end hyphen and the next line in one text object, every glyph where it was', async () => {
    const cidFont = await font();
    const joined = joinHyphenLines(operations(BROKEN) ?? [], () => cidFont);
    expect(joined?.edits).toHaveLength(2);
    const text = replaceSpans(BROKEN, joined?.edits ?? []);
    expect(text.match(/\bBT\b/g)).toHaveLength(2);
    expect(text).toMatch(/<00b2> Tj\s+\/F1 10 Tf\s+1 0 0 -1 100 818 Tm/);
    expect(joined?.ops.map((op) => op.operator)).toEqual(operations(text)?.map((op) => op.operator));
    expect(drawnGlyphs(text, cidFont)).toEqual(drawnGlyphs(BROKEN, cidFont));
  });

  it('leaves a hyphen among other glyphs, and a next text object that does not set its matrix', async () => {
    const cidFont = await font();
    const among = BROKEN.replace('<00b2> Tj', '<0030> Tj\n3 0 Td <00b2> Tj');
    expect(joinHyphenLines(operations(among) ?? [], () => cidFont)).toBeUndefined();
    const unset = BROKEN.replace('1 0 0 -1 100 818 Tm', '-100 18 Td');
    expect(joinHyphenLines(operations(unset) ?? [], () => cidFont)).toBeUndefined();
  });
});
