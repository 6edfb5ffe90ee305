/**
 * Rewriting a content stream's clusters moves no glyph: every glyph drawn
 * visibly before is drawn visibly after, at the same place (the unseen copies
 * added are drawn with text rendering mode 3); and each glyph then reads as
 * its share of its cluster, in an order that gives the cluster back.
 */
import { describe, expect, it } from 'vitest';
import type { CidFont } from '../../scripts/pdf/cid-font.ts';
import { rewriteClusters } from '../../scripts/pdf/cluster-spans.ts';
import { drawnGlyphs, testCidFont } from '../helpers/cid-fonts.ts';

/** A Type0 font as Chromium writes one: Identity-H, widths by glyph id, no ToUnicode entry for its dots. */
const font = (): Promise<CidFont> =>
  testCidFont([0x0101, [0], 0x004e, [436], 0x012e, [0], 0x000a, [200], 0x0047, [300], 0x0020, [560], 0x0030, [700], 0x0040, [400]], '<0047> <0644>');

const STREAM = `BT
/ReversedChars BMC
/Span<</ActualText <feff0646> >> BDC
/F1 10 Tf
1 0 0 -1 100 800 Tm
1.9 -4.8 Td <0101> Tj
-1.9 4.8 Td <004e> Tj
EMC
/Span<</ActualText <feff0625> >> BDC
5.4 0 Td <012e000a> Tj
EMC
2.8 0 Td <0047> Tj
EMC
ET
BT
/F1 10 Tf
1 0 0 -1 100 780 Tm
/Span<</ActualText <feff0915094d0937093f> >> BDC
<0020> Tj
5.6 0 Td <0030> Tj
EMC
7 0 Td <0040> Tj
ET
BT
/ReversedChars BMC
/Span<</ActualText <feff0625> >> BDC
/F1 10 Tf
1 0 0 -1 100 760 Tm
5.4 0 Td <012e000a> Tj
EMC
<0047> Tj
EMC
ET`;

// "ی‌آ" (Persian, as in می‌آیند) drawn from its end: the alef madda's span holds the zero-width non-joiner before it.
const JOINER = `BT
/ReversedChars BMC
/Span<</ActualText <feff200c0622> >> BDC
/F1 10 Tf
1 0 0 -1 100 740 Tm
<000a> Tj
EMC
/Span<</ActualText <feff06cc> >> BDC
2 0 Td <0040> Tj
EMC
EMC
ET`;

// "পোস" (Bengali): the two-part vowel sign ো drawn as ে before প and া after it, then স.
const TWO_PART = `BT
/F2 10 Tf
1 0 0 -1 100 700 Tm
/Span<</ActualText <feff09aa09cb> >> BDC
<0010> Tj
3 0 Td <0011> Tj
5 0 Td <0012> Tj
EMC
2.5 0 Td <0013> Tj
ET`;

const bengali = (): Promise<CidFont> => testCidFont([0x0010, [300, 500, 250, 550]], '<0013> <09B8>');

const drawn = drawnGlyphs;

const byPlace = (a: { gid: number; x: number; y: number }, b: { gid: number; x: number; y: number }): number => a.y - b.y || a.x - b.x || a.gid - b.gid;

describe('rewriteClusters', () => {
  it('draws every glyph where it was drawn, and adds only unseen ones', async () => {
    const cidFont = await font();
    const before = drawn(STREAM, cidFont);
    const rewritten = rewriteClusters(STREAM, (name) => (name === 'F1' ? cidFont : undefined));
    expect(rewritten).toBeDefined();
    const after = drawn(rewritten ?? '', cidFont);
    const place = ({ gid, x, y }: { gid: number; x: number; y: number }) => ({ gid, x, y });
    expect(after.filter((glyph) => glyph.seen).map(place).sort(byPlace)).toEqual(before.map(place).sort(byPlace));
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('reads an Arabic run backwards in drawing order, its dots as nothing, and a Devanagari cluster in order', async () => {
    const cidFont = await font();
    const after = drawn(rewriteClusters(STREAM, (name) => (name === 'F1' ? cidFont : undefined)) ?? '', cidFont);
    // The dots, drawn apart, read as a space: what every reader folds away, where a U+200C stayed in poppler's and MuPDF's text.
    const dots = after.filter((glyph) => glyph.seen && (glyph.gid === 0x0101 || glyph.gid === 0x012e));
    expect(dots.map((glyph) => glyph.reads)).toEqual([' ', ' ', ' ']);
    const readAt = (y: number): string => after.filter((glyph) => glyph.y === y && glyph.reads !== ' ').map((glyph) => glyph.reads).join('').replaceAll('\u200C', '');
    // The word "الإن" drawn from its end: ن, إ, ل read in that order, reversed by a reader's bidi.
    expect([...readAt(800)].reverse().join('')).toBe('لإن');
    expect(readAt(780)).toBe('क्षि');
  });

  it('reads a zero-width non-joiner at the start of a glyph’s text, never at its end (pdf.js drops such a glyph), in its place', async () => {
    const cidFont = await font();
    const after = drawn(rewriteClusters(JOINER, (name) => (name === 'F1' ? cidFont : undefined)) ?? '', cidFont);
    const texts = after.map((glyph) => glyph.reads);
    expect(texts.filter((text) => text.endsWith('\u200C'))).toEqual([]);
    expect([...texts.join('')].reverse().join('')).toBe('ی\u200Cآ');
  });

  it('draws the letter before a two-part vowel sign\'s second part apart, and an unseen copy stretched to the next letter in its place', async () => {
    const cidFont = await bengali();
    const rewritten = rewriteClusters(TWO_PART, (name) => (name === 'F2' ? cidFont : undefined)) ?? '';
    const after = drawn(rewritten, cidFont);
    const place = ({ gid, x, y }: { gid: number; x: number; y: number }) => ({ gid, x, y });
    expect(after.filter((glyph) => glyph.seen).map(place).sort(byPlace)).toEqual(drawn(TWO_PART, cidFont).map(place).sort(byPlace));
    // In the line, read in drawing order: the word whole; apart, after it, the two glyphs that read as nothing.
    const read = after.map((glyph) => glyph.reads).join('');
    expect(read.replace(/ +$/u, '')).toBe('পোস');
    expect(read.endsWith('  ')).toBe(true);
    // The unseen copy of প, at প's place, stretched from its 5-unit advance to স's start 7.5 units on.
    const copy = after.find((glyph) => !glyph.seen && glyph.gid === 0x11);
    expect(copy?.x).toBe(103);
    expect(rewritten).toMatch(/3 Tr 150 Tz [\d.-]+ [\d.-]+ Td <[0-9a-f]{4}> Tj 100 Tz 0 Tr/u);
  });
});


// A letter with a mark ending its text object ("Ớ": code 0x30 with a span reading O, horn, acute, drawn from a
// font of its own), and the next letter, 0.6 past its end, in the next one (letter-spaced capitals of a running head).
const LAST_IN_ITS_OBJECT = `BT
/F1 10 Tf
1 0 0 -1 100 700 Tm
/Span<</ActualText <feff01a00301> >> BDC
0 0 Td <0030> Tj
EMC
ET
BT
/F1 10 Tf
1 0 0 -1 100 700 Tm
7.6 0 Td <0040> Tj
ET`;

describe('rewriteClusters, a cluster that ends its text object', () => {
  it('puts the unseen copy of its mark just before the next text object\'s first letter', async () => {
    const cidFont = await font();
    const text = rewriteClusters(LAST_IN_ITS_OBJECT, () => cidFont) ?? '';
    const glyphs = drawnGlyphs(text, cidFont);
    const copy = glyphs.find((glyph) => !glyph.seen);
    const next = glyphs.at(-1);
    expect(copy?.reads).toBe('\u0301');
    // poppler reads a gap of more than 0.03 of the size before the next letter as a space between words.
    expect((next?.x ?? 0) - (copy?.x ?? 0)).toBeGreaterThan(0);
    expect((next?.x ?? 0) - (copy?.x ?? 0)).toBeLessThan(0.03 * 10);
  });
});

// "ত্‍" (Bengali khanda ta, as in নস্যাত্‍ করতে): one glyph whose span reads ত, virama and a zero-width joiner,
// ending its text object; the next word in the next one, after a space glyph on the same line, or on the next line.
const wordEndingInAJoiner = (next: string): string => `BT
/F2 10 Tf
1 0 0 -1 100 700 Tm
/Span<</ActualText <feff09a409cd200d> >> BDC
<0010> Tj
EMC
ET
BT
/F2 10 Tf
${next}
ET`;

describe('rewriteClusters, a word that ends in a joiner', () => {
  const rewrite = async (next: string) => {
    const cidFont = await testCidFont([0x0010, [300, 500]], '<0011> <0020>');
    return drawnGlyphs(rewriteClusters(wordEndingInAJoiner(next), (name) => (name === 'F2' ? cidFont : undefined)) ?? '', cidFont);
  };

  it('reads the joiner with the word space after it, where pdf.js keeps it', async () => {
    // The space glyph (5 units) 3 past the word's start, the next word after it.
    const glyphs = await rewrite('1 0 0 -1 100 700 Tm\n3 0 Td <0011> Tj');
    // The unseen copies: of the virama, and last, of the glyph again for the joiner.
    const copy = glyphs.filter((glyph) => !glyph.seen).at(-1);
    // pdf.js skips a glyph whose text ends with a format character, letter and all.
    expect(glyphs.filter((glyph) => /\p{Cf}$/u.test(glyph.reads))).toEqual([]);
    expect(copy?.reads).toBe('\u200D ');
    expect(glyphs.map((glyph) => glyph.reads).join('')).toBe('ত্\u200D  ');
  });

  it('reads it with a space at the line\'s end', async () => {
    const glyphs = await rewrite('1 0 0 -1 100 720 Tm\n<0010> Tj');
    expect(glyphs.filter((glyph) => !glyph.seen).at(-1)?.reads).toBe('\u200D ');
  });
});
