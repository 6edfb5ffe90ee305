/**
 * A short document in each script, and the essay, set end to end (reading
 * edition) in one build and read back as a PDF viewer reads it: the fonts
 * embedded are only the project's, the text layer has no NUL, no soft
 * hyphen and no U+FFFD, and Firefox's search (pdf.js's find controller)
 * finds every word of the source.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { sourceWords } from '../../scripts/bench/source-words.ts';
import { openViewerSearch } from '../../scripts/bench/viewer-search.ts';
import { labelsFor } from '../../scripts/config/labels.ts';
import { fontsOf, readPages } from '../helpers/pdf.ts';

const ROOT = join('test', 'fixtures', 'fonts');

interface Case {
  name: string;
  /** Fonts every PDF of this case embeds (PostScript names, without the subset tag). */
  expects: RegExp[];
  /** A font it must not embed. */
  never?: RegExp;
}

const CASES: Case[] = [
  { name: 'zh', expects: [/^NotoSerifSC/], never: /^NotoSerif(JP|TC|KR)/ },
  { name: 'ja', expects: [/^NotoSerifJP/], never: /^NotoSerif(SC|TC|KR)/ },
  { name: 'hi', expects: [/^NotoSerifDevanagari/] },
  { name: 'th', expects: [/^NotoSerifThai/] },
  { name: 'he', expects: [/^NotoSerifHebrew/] },
  { name: 'ar', expects: [/^NotoNaskhArabic/] },
  { name: 'grc', expects: [/^NotoSerif-/] },
  { name: 'ru', expects: [/^SourceSerif4/], never: /^Noto/ },
  // The Japanese line (kana) in Noto Serif JP, the Chinese one in Noto Serif SC: each block its own lang.
  { name: 'handout', expects: [/^NotoSerifThai/, /^NotoSerifJP/, /^NotoSerifSC/] },
  // Its ligatures (fi, ff, ffi) beside soft hyphens: "official", "offline", "trafficked".
  { name: 'unifying-the-struggle', expects: [/^SourceSerif4/], never: /^Noto/ },
];

const sourceOf = (name: string): string => (name === 'unifying-the-struggle' ? join('source', `${name}.md`) : join(ROOT, name, `${name}.md`));

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
}

/** The words of a label, as a reader would search them one by one (without the bidi isolates around a Latin word, which nobody types). */
const wordsOf = (text: string, lang: string): string[] =>
  [...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text.replace(/[\u2066-\u2069]/g, ''))].filter((part) => part.isWordLike).map((part) => part.segment);

const built = new Map<string, Built>();

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'zine-scripts-'));
  const files = CASES.map(({ name }) => sourceOf(name));
  await build({ files, out, progress: false, formats: ['reading'] });
  for (const { name } of CASES) {
    const bytes = await readFile(join(out, name, 'reading.pdf'));
    const pages = await readPages(bytes);
    const words = await sourceWords(sourceOf(name));
    const search = await openViewerSearch(bytes);
    const unfound: string[] = [];
    for (const word of words) if ((await search.pagesOf(word)).length === 0) unfound.push(word);
    const lang = name === 'handout' || name === 'unifying-the-struggle' ? 'en' : name;
    const { cutLine, setWith } = labelsFor(lang);
    const labels = { cutLine: [] as number[][], setWith: [] as number[][] };
    for (const word of wordsOf(cutLine, lang)) labels.cutLine.push(await search.pagesOf(word));
    for (const word of wordsOf(setWith, lang)) labels.setWith.push(await search.pagesOf(word));
    await search.close();
    built.set(name, {
      fonts: (await fontsOf(bytes)).map((font) => (font.embedded ? font.name.replace(/^\/([A-Z]{6}\+)?/, '') : `not embedded: ${font.name}`)),
      layer: pages.map((page) => page.words.map((word) => word.str).join(' ')).join('\n'),
      words,
      unfound,
      labels,
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
});

describe.each(CASES)('$name, searched', ({ name }) => {
  it("gives Firefox's search every word of the source", () => {
    const { words, unfound } = get(name);
    expect(words.length).toBeGreaterThan(10);
    if (process.env['ZINEPRESS_FIGURES'] === '1') console.log(`${name}: ${words.length - unfound.length} of ${words.length} words found`);
    expect(unfound).toEqual([]);
  });
});

describe.each(CASES.filter(({ name }) => name !== 'unifying-the-struggle'))('$name, its own labels', ({ name }) => {
  it("prints the card's cut line and the colophon's last line in the document's language", () => {
    const { labels, fonts } = get(name);
    // The card is a leaf of two pages, each with its cut line; the colophon is one page.
    const [first] = labels.cutLine;
    expect(first?.length, fonts.join(', ')).toBe(2);
    for (const pages of labels.cutLine) expect(pages).toEqual(expect.arrayContaining(first ?? []));
    for (const pages of labels.setWith) expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
