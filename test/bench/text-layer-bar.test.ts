/**
 * The bar the corpus's read-back holds each engine to: every word left to
 * right; right to left, every word in poppler and 99% in pdf.js, none asked
 * of MuPDF; and never a character the source lacks or a space inside a word.
 */
import { describe, expect, it } from 'vitest';
import type { EngineFigures, TextFigures } from '../../scripts/bench/read-thrice.ts';
import { shortOfBar, wordsAtBar } from '../../scripts/bench/text-layer-bar.ts';

const engine = (whole: number, extra: Partial<EngineFigures> = {}): EngineFigures => ({ whole, missing: [], spaced: [], strays: new Map(), ...extra });
const text = (poppler: EngineFigures, mupdf: EngineFigures, pdfjs: EngineFigures): TextFigures => ({ words: 200, engines: { poppler, MuPDF: mupdf, 'pdf.js': pdfjs } });

describe('the text-layer bar', () => {
  it('asks every word of every engine left to right, and of poppler and 99% of pdf.js right to left', () => {
    expect(wordsAtBar(200, 'MuPDF', 'ltr')).toBe(200);
    expect(wordsAtBar(200, 'pdf.js', 'rtl')).toBe(198);
    expect(wordsAtBar(643, 'pdf.js', 'rtl')).toBe(637);
    expect(wordsAtBar(200, 'MuPDF', 'rtl')).toBeUndefined();
    expect(shortOfBar(text(engine(200), engine(199), engine(198)), 'ltr')).toEqual(['MuPDF', 'pdf.js']);
    expect(shortOfBar(text(engine(200), engine(20), engine(198)), 'rtl')).toEqual([]);
    expect(shortOfBar(text(engine(199), engine(200), engine(197)), 'rtl')).toEqual(['poppler', 'pdf.js']);
  });

  it('counts a character the source lacks or a word with a space inside short, whatever the words whole', () => {
    expect(shortOfBar(text(engine(200, { strays: new Map([['\u200C', 3]]) }), engine(200), engine(200)), 'ltr')).toEqual(['poppler']);
    expect(shortOfBar(text(engine(200), engine(150, { spaced: ['nhận'] }), engine(200)), 'rtl')).toEqual(['MuPDF']);
  });
});
