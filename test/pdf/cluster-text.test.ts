/**
 * How a cluster's text is laid over its glyphs: joined in drawing order (and
 * reversed, right to left, as readers do), the texts give back the cluster;
 * nonspacing marks are read from unseen copies, never from a glyph with an
 * advance; the glyphs without an advance read as nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterDraws, ZWNJ } from '../../scripts/pdf/cluster-text.ts';

/** What a reader gets: texts joined in drawing order, reversed in a right-to-left run. */
function read(widths: number[], text: string, rtl: boolean): string {
  const joined = clusterDraws(widths.map((width) => ({ width })), text, { rtl })
    .draws.map((draw) => draw.text)
    .join('')
    .replaceAll(ZWNJ, '');
  return rtl ? [...joined].reverse().join('') : joined;
}

describe('clusterDraws', () => {
  it('reads a Devanagari vowel sign i drawn before its consonant after it', () => {
    expect(read([567, 711], 'कि', false)).toBe('कि');
  });

  it('reads a repha drawn above the next letter, and a conjunct drawn as one glyph, in their order', () => {
    expect(read([503, 0], 'र्व', false)).toBe('र्व');
    expect(read([600], 'क्ष', false)).toBe('क्ष');
    const { draws } = clusterDraws([{ width: 600 }], 'क्ष', { rtl: false });
    expect(draws.filter((draw) => !draw.unseen).map((draw) => draw.text)).toEqual(['क']);
  });

  it('reads a two-part vowel sign from the first glyphs, and draws its second part apart, read as nothing', () => {
    // Bengali ো (e-kar before the consonant, aa-kar after it) and Tamil ொ: three glyphs with an advance, two letters.
    for (const text of ['নো', 'கொ']) {
      const { draws, marks } = clusterDraws([{ width: 400 }, { width: 600 }, { width: 450 }], text, { rtl: false });
      expect(draws.map((draw) => draw.text).join('')).toBe(text);
      expect(draws.map((draw) => draw.text)).not.toContain(ZWNJ);
      expect(marks).toEqual([2]);
    }
  });

  it('reads an Arabic letter built from a body and a dot as the letter, the dot as nothing', () => {
    const { draws, marks } = clusterDraws([{ width: 0 }, { width: 436 }], 'ن', { rtl: true });
    expect(draws).toEqual([{ glyph: 1, text: 'ن', unseen: false }]);
    expect(marks).toEqual([0]);
  });

  it('reads a tanween after its letter once the run is reversed, and a lam-alef as lam then alef', () => {
    expect(read([0, 500], 'رً', true)).toBe('رً');
    expect(read([520], 'لا', true)).toBe('لا');
  });

  it('drops soft hyphens', () => {
    expect(read([500, 0], 'ν\u00AD', false)).toBe('ν');
  });

  it('gives back any cluster whole, with no nonspacing mark on a glyph with an advance', () => {
    const letters = fc.constantFrom('क', 'ष', 'र', 'ि', 'ो', '्', 'ं', 'ب', 'ل', 'ا', 'ً', 'ّ');
    fc.assert(
      fc.property(fc.array(letters, { minLength: 1, maxLength: 6 }), fc.array(fc.constantFrom(0, 300, 600), { minLength: 1, maxLength: 4 }), fc.boolean(), (chars, widths, rtl) => {
        const text = chars.join('');
        expect(read(widths, text, rtl)).toBe(text);
        const { draws } = clusterDraws(widths.map((width) => ({ width })), text, { rtl });
        for (const draw of draws) if (!draw.unseen && (widths[draw.glyph] ?? 0) > 0) expect(draw.text).not.toMatch(/\p{Mn}/u);
      }),
    );
  });
});
