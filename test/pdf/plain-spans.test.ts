/**
 * The spans the cluster rewrite need not touch (a soft hyphen's glyph, a
 * curly quote's): they lose their BDC and EMC, every glyph stays where it
 * was, and the glyph reads as the span said; joined into runs, the same.
 * A soft hyphen's glyph, a space that paints nothing, is not drawn at all,
 * so that no reader finds a character inside the word. A ligature's span,
 * and any span in right-to-left text, are left to the cluster rewrite.
 */
import { describe, expect, it } from 'vitest';
import type { CidFont } from '../../scripts/pdf/cid-font.ts';
import { operations, replaceSpans } from '../../scripts/pdf/content-stream.ts';
import { joinGlyphRuns } from '../../scripts/pdf/glyph-runs.ts';
import { unwrapPlainSpans } from '../../scripts/pdf/plain-spans.ts';
import { drawnGlyphs, testCidFont } from '../helpers/cid-fonts.ts';

/** Glyph 1 is the space, drawn for a soft hyphen with no advance; 5 an apostrophe; 6 the fi ligature. */
const font = (): Promise<CidFont> =>
  testCidFont([0x0001, [250], 0x0005, [220], 0x0006, [560], 0x0030, [700], 0x0040, [400]], `<0001> <0020>\n<0005> <0027>\n<0006> <FB01>\n<0030> <0061>\n<0040> <0062>`);

const LINE = `BT
/F1 10 Tf
1 0 0 -1 100 800 Tm
<0030> Tj
7 0 Td <0040> Tj
/Span<</ActualText <FEFF00AD> >> BDC
4 0 Td <0001> Tj
EMC
0 0 Td <0030> Tj
/Span<</ActualText <FEFF2019> >> BDC
7 0 Td <0005> Tj
EMC
2.2 0 Td <0040> Tj
ET`;

const LIGATURE_AND_RIGHT_TO_LEFT = `BT
/F1 10 Tf
1 0 0 -1 100 780 Tm
/Span<</ActualText <FEFF00660069> >> BDC
<0006> Tj
EMC
ET
BT
/ReversedChars BMC
/Span<</ActualText <FEFF00AD> >> BDC
/F1 10 Tf
1 0 0 -1 100 760 Tm
<0001> Tj
EMC
EMC
ET`;

// Chromium's form when the soft hyphen comes from a fallback font: a text object of its own, its font and matrix set inside the span.
const OWN_TEXT_OBJECT = `BT
/F1 10 Tf
1 0 0 -1 100 800 Tm
<0030> Tj
ET
BT
/Span<</ActualText <FEFF00AD> >> BDC
/F1 10 Tf
1 0 0 -1 100 800 Tm
7 0 Td <0001> Tj
EMC
ET
BT
/F1 10 Tf
1 0 0 -1 100 800 Tm
7 0 Td <0040> Tj
ET`;

// A soft hyphen whose glyph the next one follows with no Td: its advance places that glyph, so it stays.
const ADVANCING = `BT
/F1 10 Tf
1 0 0 -1 100 800 Tm
<0030> Tj
/Span<</ActualText <FEFF00AD> >> BDC
7 0 Td <0001> Tj
EMC
<0040> Tj
ET`;

const place = ({ gid, x, y }: { gid: number; x: number; y: number }) => ({ gid, x, y });
/** The glyphs of `before` but the soft hyphen's (glyph 1, the space). */
const withoutSoftHyphen = (before: { gid: number; x: number; y: number }[]) => before.filter((glyph) => glyph.gid !== 1).map(place);

describe('unwrapPlainSpans', () => {
  it('takes the spans away and the soft hyphen’s glyph with its span, moves no other glyph, and reads the quote as itself', async () => {
    const cidFont = await font();
    const ops = operations(LINE) ?? [];
    const unwrapped = unwrapPlainSpans(ops, (name) => (name === 'F1' ? cidFont : undefined));
    expect(unwrapped?.spansLeft).toBe(false);
    expect(unwrapped?.ops.map((op) => op.operator)).not.toContain('BDC');
    const text = replaceSpans(LINE, unwrapped?.edits ?? []);
    expect(text).not.toMatch(/BDC|EMC/);
    const [before, after] = [drawnGlyphs(LINE, cidFont), drawnGlyphs(text, cidFont)];
    expect(after.map(place)).toEqual(withoutSoftHyphen(before));
    expect(after.map((glyph) => glyph.reads)).toEqual(['a', 'b', 'a', '’', 'b']);
  });

  it('takes a soft hyphen’s text object of its own down to its text state, and leaves a glyph whose advance places the next', async () => {
    const cidFont = await font();
    const fontOf = (name: string) => (name === 'F1' ? cidFont : undefined);
    const own = replaceSpans(OWN_TEXT_OBJECT, unwrapPlainSpans(operations(OWN_TEXT_OBJECT) ?? [], fontOf)?.edits ?? []);
    expect(own).not.toMatch(/BDC|EMC|<0001>/);
    expect(drawnGlyphs(own, cidFont).map(place)).toEqual(withoutSoftHyphen(drawnGlyphs(OWN_TEXT_OBJECT, cidFont)));
    // Its glyph stays, in its span, for the cluster rewrite (which draws it apart, read as nothing).
    expect(unwrapPlainSpans(operations(ADVANCING) ?? [], fontOf)).toBeUndefined();
  });

  it('leaves a ligature’s span and a span in right-to-left text to the cluster rewrite', async () => {
    const cidFont = await font();
    const unwrapped = unwrapPlainSpans(operations(LIGATURE_AND_RIGHT_TO_LEFT) ?? [], (name) => (name === 'F1' ? cidFont : undefined));
    expect(unwrapped).toBeUndefined();
    const mixed = unwrapPlainSpans(operations(`${LINE}\n${LIGATURE_AND_RIGHT_TO_LEFT}`) ?? [], (name) => (name === 'F1' ? cidFont : undefined));
    expect(mixed?.spansLeft).toBe(true);
    expect(mixed?.edits).toHaveLength(6);
  });

  it('gives the joined runs the new codes, inside a run or between two', async () => {
    const cidFont = await font();
    const fontOf = (name: string) => (name === 'F1' ? cidFont : undefined);
    const ops = operations(LINE) ?? [];
    const unwrapped = unwrapPlainSpans(ops, fontOf);
    const joined = joinGlyphRuns(LINE, fontOf, unwrapped?.ops, unwrapped?.edits) ?? '';
    expect(joined).not.toMatch(/BDC|EMC/);
    // Fewer text operators: the glyphs before and after the soft hyphen are runs.
    expect(joined).toContain('TJ');
    const after = drawnGlyphs(joined, cidFont);
    expect(after.map(place)).toEqual(withoutSoftHyphen(drawnGlyphs(LINE, cidFont)));
    expect(after.map((glyph) => glyph.reads)).toEqual(['a', 'b', 'a', '’', 'b']);
  });
});
