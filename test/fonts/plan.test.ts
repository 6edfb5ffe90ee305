import { describe, expect, it } from 'vitest';
import { drawingFace, uncovered } from '../../scripts/fonts/coverage.ts';
import { codePointsOf, planFonts } from '../../scripts/fonts/plan.ts';
import { MarkdownError, markdownStringToHtml } from '../../scripts/markdown/index.ts';

const familyOf = (plan: Awaited<ReturnType<typeof planFonts>>, char: string, alias = 'Source Serif 4', weight = 400): string | undefined =>
  drawingFace(plan, char.codePointAt(0) ?? 0, { alias, weight })?.family;

describe('the fonts a document is set in', () => {
  it('sets every letter of a polytonic Greek word in one typeface, and monotonic Greek in the text face', async () => {
    const polytonic = await planFonts({ lang: 'en', text: 'Ὅλοι οἱ ἄνθρωποι' });
    const families = new Set([...'Ὅλοι οἱ ἄνθρωποι'.replace(/ /g, '')].map((char) => familyOf(polytonic, char)));
    expect([...families]).toEqual(['Noto Serif']);
    const monotonic = await planFonts({ lang: 'el', text: 'Όλοι οι άνθρωποι' });
    expect(familyOf(monotonic, 'λ')).toBe('Source Serif 4');
  });

  it('lets the language choose among the Han faces, and finds a quoted script with no markup', async () => {
    const text = '人人生而自由 שלום السلام सभी มนุษย์';
    expect(familyOf(await planFonts({ lang: 'ja', text }), '人')).toBe('Noto Serif JP');
    expect(familyOf(await planFonts({ lang: 'zh-Hant', text }), '人')).toBe('Noto Serif TC');
    expect(familyOf(await planFonts({ lang: 'ko', text }), '人')).toBe('Noto Serif KR');
    const english = await planFonts({ lang: 'en', text });
    expect(['人', 'ש', 'ا', 'स', 'ม', 'e'].map((char) => familyOf(english, char))).toEqual([
      'Noto Serif SC',
      'Noto Serif Hebrew',
      'Noto Naskh Arabic',
      'Noto Serif Devanagari',
      'Noto Serif Thai',
      'Source Serif 4',
    ]);
    // The headings' face (Source Sans 3, bold) finds the same script faces.
    expect(familyOf(english, 'ש', 'Source Sans 3', 700)).toBe('Noto Serif Hebrew');
  });

  it('plans an edit that brings a new letter anew, and one that brings none as the text before', async () => {
    const before = await planFonts({ lang: 'en', text: 'Rent strike now' });
    const arabic = await planFonts({ lang: 'en', text: 'Rent strike now إضراب' });
    expect(familyOf(before, 'ض')).toBeUndefined();
    expect(familyOf(arabic, 'ض')).toMatch(/Arabic/);
    // A fresh list each time: a caller adding to it changes no later plan.
    arabic.faces.length = 0;
    expect((await planFonts({ lang: 'en', text: 'Rent strike now إضراب' })).faces.length).toBeGreaterThan(before.faces.length);
    const again = await planFonts({ lang: 'en', text: 'now Rent strike' });
    expect(again.faces).toEqual(before.faces);
    expect(familyOf(await planFonts({ lang: 'en', text: 'Ὅλοι' }), 'Ὅ')).toBe('Noto Serif');
  });

  it('reads each character of the text once, in order of code point: a letter beyond the BMP whole, a lone surrogate as itself', () => {
    expect(codePointsOf('bab😀\uD800a\uDC00ь😀')).toEqual([0x61, 0x62, 0x44c, 0xd800, 0xdc00, 0x1f600]);
    expect(codePointsOf('a\uD83D')).toEqual([0x61, 0xd83d]);
    expect(codePointsOf('\u{10FFFF}\u0000')).toEqual([0, 0x10ffff]);
    expect(codePointsOf('')).toEqual([]);
  });

  it('keeps only the faces the text needs', async () => {
    const plan = await planFonts({ lang: 'en', text: 'Plain English.' });
    expect(new Set(plan.faces.map(({ face }) => face.family))).toEqual(new Set(['Source Serif 4', 'Source Sans 3', 'Source Code Pro']));
    expect(uncovered(plan)).toEqual([]);
  });

  it('names a character no bundled font has', async () => {
    const plan = await planFonts({ lang: 'en', text: 'Om: ༀ' });
    expect(uncovered(plan)).toEqual([0x0f00]);
  });
});

describe('the glyph check before layout', () => {
  it('refuses a character no bundled font draws, at its place, with its code point, name and the font to add', async () => {
    const error = await markdownStringToHtml('---\ntitle: T\n---\n\nA prayer: ༀ.\n', { path: 'source/x.md' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MarkdownError);
    expect((error as MarkdownError).message).toBe(
      'source/x.md:5:11: U+0F00 TIBETAN SYLLABLE OM has no glyph in the bundled fonts and would print as an empty box: add a font for the Tibetan script (e.g. @fontsource/noto-sans-tibetan) to scripts/fonts/catalog.ts',
    );
  });

  it('lets every script of the catalogue through', async () => {
    const { file } = await markdownStringToHtml('---\ntitle: T\n---\n\n人 ש ا स ম த ม ሰ Ὅ Ж.\n');
    expect(file.messages.filter((message) => message.fatal)).toEqual([]);
  });
});
