/**
 * A short document in each script, the right-to-left build fixtures and the
 * essay, set end to end (reading edition) in one build and read back as the
 * three engines most readers use read it (scripts/bench/readers.ts): the
 * fonts embedded are only the project's; no engine's text has a character
 * the source lacks (U+200C, soft hyphen, U+FFFD, NUL); Firefox's search
 * (pdf.js's find controller) and poppler's text hold every word of the
 * source whole, and so does MuPDF's search, right-to-left words too
 * (Debian 12's MuPDF, 1.21, reads glyphs in drawing order: each
 * right-to-left run is drawn from its right end, scripts/pdf/logical-order.ts)
 * and Chinese and Japanese words cut by a line end (joined by a soft hyphen
 * drawn there, which poppler reads as a hyphen and MuPDF as a soft hyphen,
 * scripts/pdf/word-lines.ts) and words with a
 * two-part vowel sign (scripts/pdf/cluster-spans.ts closeGaps), but a
 * right-to-left word with a zero-width non-joiner inside, which it reads
 * before the letter the joiner follows.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mupdfReading, popplerReading, straysIn, type EngineReading } from '../../scripts/bench/readers.ts';
import { printedText, sourceWords } from '../../scripts/bench/source-words.ts';
import { openViewerSearch } from '../../scripts/bench/viewer-search.ts';
import { labelsFor } from '../../scripts/config/labels.ts';
import { fontsOf, readPages } from '../helpers/pdf.ts';
import { sharedReadings, type SharedReading } from '../helpers/shared-builds.ts';

const ROOT = join('test', 'fixtures', 'fonts');

interface Case {
  name: string;
  /** Fonts every PDF of this case embeds (PostScript names, without the subset tag). */
  expects: RegExp[];
  /** A font it must not embed. */
  never?: RegExp;
  /** Its markdown file, when not test/fixtures/fonts/<name>/<name>.md. */
  source?: string;
  /** The language of its labels; none: they are not checked here (test/formats/right-to-left.test.ts does). */
  lang?: string | false;
}

const CASES: Case[] = [
  { name: 'zh', expects: [/^NotoSerifSC/], never: /^NotoSerif(JP|TC|KR)/ },
  { name: 'ja', expects: [/^NotoSerifJP/], never: /^NotoSerif(SC|TC|KR)/ },
  { name: 'hi', expects: [/^NotoSerifDevanagari/] },
  // Two-part vowel signs (ো, ொ): a glyph on each side of the consonant.
  { name: 'bn', expects: [/^NotoSerifBengali/] },
  { name: 'ta', expects: [/^NotoSerifTamil/] },
  // Words MuPDF once read in two lines: a wide base's unseen mark copy (கீ, व्य, ম্প: cluster-spans.ts SQUEEZE).
  { name: 'ta-udhr', expects: [/^NotoSerifTamil/], lang: 'ta' },
  { name: 'hi-udhr', expects: [/^NotoSerifDevanagari/], lang: 'hi' },
  // And a zero-width joiner inside a word (উত্‍পত্তি), which pdf.js lost with the letters before it.
  { name: 'bn-udhr', expects: [/^NotoSerifBengali/], lang: 'bn' },
  // Letters with two marks (ậ, ệ) from a font of their own: their marks drawn at the word's end (marks-apart.ts).
  { name: 'vi', expects: [/^SourceSerif4/] },
  { name: 'th', expects: [/^NotoSerifThai/] },
  { name: 'he', expects: [/^NotoSerifHebrew/] },
  { name: 'ar', expects: [/^NotoNaskhArabic/] },
  // A zero-width non-joiner inside a word (می‌آیند), and in its colophon's label (حروف‌چینی). Its labels are not
  // checked here: the cut line's first word, در, is found inside other words (برادری) on other pages.
  { name: 'fa', expects: [/^NotoNaskhArabic/], lang: false },
  { name: 'grc', expects: [/^NotoSerif-/] },
  { name: 'ru', expects: [/^SourceSerif4/], never: /^Noto/ },
  // The Japanese line (kana) in Noto Serif JP, the Chinese one in Noto Serif SC: each block its own lang.
  { name: 'handout', expects: [/^NotoSerifThai/, /^NotoSerifJP/, /^NotoSerifSC/] },
  // Its ligatures (fi, ff, ffi) beside soft hyphens: "official", "offline", "trafficked".
  { name: 'unifying-the-struggle', expects: [/^SourceSerif4/], never: /^Noto/, source: join('source', 'unifying-the-struggle.md'), lang: 'en' },
  { name: 'udhr-ar', expects: [/^NotoNaskhArabic/], source: join('test', 'fixtures', 'build', 'rtl-arabic', 'udhr-ar.md'), lang: false },
  { name: 'udhr-he', expects: [/^NotoSerifHebrew/], source: join('test', 'fixtures', 'build', 'rtl-hebrew', 'udhr-he.md'), lang: false },
  { name: 'article-1', expects: [/^SourceSerif4/, /^NotoSerifHebrew/], source: join('test', 'fixtures', 'build', 'rtl-in-english', 'article-1.md'), lang: false },
];

const sourceOf = (name: string): string => CASES.find((one) => one.name === name)?.source ?? join(ROOT, name, `${name}.md`);

/** The project's own fonts: the base families and the Noto families of scripts/fonts/catalog.ts. */
const BUNDLED = /^(SourceSerif4|SourceSans3|SourceCodePro|NotoSerif|NotoSans|NotoNaskhArabic)/;

interface Built {
  fonts: string[];
  /** Every text item of every page, as pdfjs gives them, joined. */
  layer: string;
  /** The words of the source's printed text (HTML without tags), by Intl.Segmenter for its lang. */
  words: string[];
  /** The words Firefox's search does not find anywhere in the PDF. */
  unfound: string[];
  /** Pages on which Firefox's search finds each word of the card's cut line and of the colophon's last line, labels of the document's language. */
  labels: { cutLine: number[][]; setWith: number[][] };
  /** The source's printed text. */
  source: string;
  /** poppler's and MuPDF's text, and the words each does not hold whole. */
  poppler: EngineReading;
  mupdf: EngineReading;
}

/** The words of a label, as a reader would search them one by one (without the bidi isolates around a Latin word, which nobody types). */
const wordsOf = (text: string, lang: string): string[] =>
  [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text.replace(/[\u2066-\u2069]/g, ''))].filter((part) => part.isWordLike).map((part) => part.segment);

const built = new Map<string, Built>();

beforeAll(async () => {
  const files = CASES.map(({ name }) => sourceOf(name));
  const readings = await sharedReadings({ sources: files });
  for (const [index, { name }] of CASES.entries()) {
    const { pdf } = readings[index] as SharedReading;
    const bytes = await readFile(pdf);
    const pages = await readPages(bytes);
    const words = await sourceWords(sourceOf(name));
    const search = await openViewerSearch(bytes);
    const unfound: string[] = [];
    for (const word of words) if (!(await search.finds(word))) unfound.push(word);
    const lang = CASES.find((one) => one.name === name)?.lang ?? (name === 'handout' ? 'en' : name);
    const labels = { cutLine: [] as number[][], setWith: [] as number[][] };
    if (lang !== false) {
      const { cutLine, setWith } = labelsFor(lang);
      for (const word of wordsOf(cutLine, lang)) labels.cutLine.push(await search.pagesOf(word));
      for (const word of wordsOf(setWith, lang)) labels.setWith.push(await search.pagesOf(word));
    }
    await search.close();
    built.set(name, {
      fonts: (await fontsOf(bytes)).map((font) => (font.embedded ? font.name.replace(/^\/([A-Z]{6}\+)?/, '') : `not embedded: ${font.name}`)),
      layer: pages.map((page) => page.words.map((word) => word.str).join(' ')).join('\n'),
      words,
      unfound,
      labels,
      source: (await printedText(sourceOf(name))).text,
      poppler: await popplerReading(pdf, words),
      mupdf: await mupdfReading(pdf, words),
    });
  }
}, 400_000);

const get = (name: string): Built => {
  const found = built.get(name);
  if (!found) throw new Error(`${name} was not built`);
  return found;
};

describe.each(CASES)('$name, set and read back', ({ name, expects, never }) => {
  it('embeds only the bundled fonts, the one for its script among them', () => {
    const { fonts } = get(name);
    expect(fonts.filter((font) => !BUNDLED.test(font))).toEqual([]);
    for (const expected of expects) expect(fonts.some((font) => expected.test(font)), `${String(expected)} in ${fonts.join(', ')}`).toBe(true);
    if (never) expect(fonts.filter((font) => never.test(font))).toEqual([]);
  });

  it('has no NUL, no soft hyphen and no replacement character in its text layer', () => {
    const { layer } = get(name);
    for (const char of ['\u0000', '\u00AD', '\uFFFD']) expect(layer.includes(char), `U+${char.codePointAt(0)?.toString(16).padStart(4, '0')}`).toBe(false);
  });

  it('gives poppler and MuPDF no character the source lacks (U+200C, soft hyphen, U+FFFD, NUL)', () => {
    const { source, poppler, mupdf } = get(name);
    expect(Object.fromEntries(straysIn(poppler.text, source))).toEqual({});
    expect(Object.fromEntries(straysIn(mupdf.text, source))).toEqual({});
  });
});

const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

describe.each(CASES)('$name, read by poppler and MuPDF', ({ name }) => {
  it("holds every word of the source whole in poppler's text", () => {
    const { poppler } = get(name);
    if (process.env['ZINEPRESS_FIGURES'] === '1') console.log(`${name}: poppler misses ${poppler.missing.join(' ') || 'nothing'}`);
    // A Chinese or Japanese word cut by a line end is joined there too (scripts/pdf/word-lines.ts): no excuse for it.
    expect(poppler.missing).toEqual([]);
  });

  it("finds every word of the source with MuPDF's search but a right-to-left one with a non-joiner", () => {
    const { mupdf } = get(name);
    if (process.env['ZINEPRESS_FIGURES'] === '1') console.log(`${name}: MuPDF misses ${mupdf.missing.join(' ') || 'nothing'}`);
    // A Chinese or Japanese word cut by a line end is joined (scripts/pdf/word-lines.ts): no excuse for it here.
    const missed = mupdf.missing.filter((word) => !(RIGHT_TO_LEFT.test(word) && word.includes('\u200C')));
    expect(missed).toEqual([]);
  });
});

describe.each(CASES)('$name, searched', ({ name }) => {
  it("gives Firefox's search every word of the source", () => {
    const { words, unfound } = get(name);
    expect(words.length).toBeGreaterThan(10);
    if (process.env['ZINEPRESS_FIGURES'] === '1') console.log(`${name}: ${words.length - unfound.length} of ${words.length} words found`);
    expect(unfound).toEqual([]);
  });
});

describe.each(CASES.filter(({ name, lang }) => name !== 'unifying-the-struggle' && lang !== false))('$name, its own labels', ({ name }) => {
  it("prints the card's cut line and the colophon's last line in the document's language", () => {
    const { labels, fonts } = get(name);
    // The card is a leaf of two pages, each with its cut line; the colophon is one page.
    const [first] = labels.cutLine;
    expect(first?.length, fonts.join(', ')).toBe(2);
    for (const pages of labels.cutLine) expect(pages).toEqual(expect.arrayContaining(first ?? []));
    for (const pages of labels.setWith) expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
