/**
 * A short document in each script, set end to end (reading edition) in one
 * build and read back as a PDF viewer reads it: the fonts embedded are only
 * the project's, the text layer has no NUL, no soft hyphen and no U+FFFD,
 * and a viewer's search finds every word of the source.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { searchable, sourceWords } from '../../scripts/bench/source-words.ts';
import { fontsOf, readPages } from '../helpers/pdf.ts';

const ROOT = join('test', 'fixtures', 'fonts');

interface Case {
  name: string;
  /** A font every PDF of this case embeds (PostScript name, without the subset tag). */
  expects: RegExp;
  /** A font it must not embed. */
  never?: RegExp;
}

const CASES: Case[] = [
  { name: 'zh', expects: /^NotoSerifSC/, never: /^NotoSerif(JP|TC|KR)/ },
  { name: 'ja', expects: /^NotoSerifJP/, never: /^NotoSerif(SC|TC|KR)/ },
  { name: 'hi', expects: /^NotoSerifDevanagari/ },
  { name: 'th', expects: /^NotoSerifThai/ },
  { name: 'he', expects: /^NotoSerifHebrew/ },
  { name: 'ar', expects: /^NotoNaskhArabic/ },
  { name: 'grc', expects: /^NotoSerif-/ },
  { name: 'ru', expects: /^SourceSerif4/, never: /^Noto/ },
  { name: 'handout', expects: /^NotoSerifThai/ },
];

/** The project's own fonts: the base families and the Noto families of scripts/fonts/catalog.ts. */
const BUNDLED = /^(SourceSerif4|SourceSans3|SourceCodePro|NotoSerif|NotoSans|NotoNaskhArabic)/;

interface Built {
  fonts: string[];
  /** Every text item of every page, as pdfjs gives them, joined. */
  layer: string;
  /** The words of the source's printed text (HTML without tags), by Intl.Segmenter for its lang. */
  words: string[];
}

const built = new Map<string, Built>();

beforeAll(async () => {
  const out = await mkdtemp(join(tmpdir(), 'zine-scripts-'));
  const files = CASES.map(({ name }) => join(ROOT, name, `${name}.md`));
  await build({ files, out, progress: false, formats: ['reading'] });
  for (const { name } of CASES) {
    const bytes = await readFile(join(out, name, 'reading.pdf'));
    const pages = await readPages(bytes);
    built.set(name, {
      fonts: (await fontsOf(bytes)).map((font) => (font.embedded ? font.name.replace(/^\/([A-Z]{6}\+)?/, '') : `not embedded: ${font.name}`)),
      layer: pages.map((page) => page.words.map((word) => word.str).join(' ')).join('\n'),
      words: await sourceWords(join(ROOT, name, `${name}.md`)),
    });
  }
}, 300_000);

const get = (name: string): Built => {
  const found = built.get(name);
  if (!found) throw new Error(`${name} was not built`);
  return found;
};

/**
 * Where a viewer's search cannot find a word as typed, for Chromium's reasons:
 * it draws a Devanagari vowel sign i or a repha before the consonant they
 * follow in the text, and pdf.js reads them in drawing order. Devanagari
 * words are also counted found when their letters stand together in any
 * order. Arabic words are found as typed, in the order of their letters, but
 * for a word whose last letter bears a tanween (a vowel mark drawn first in
 * the word): pdf.js starts a text item on it, ends the item at the next
 * letter, and the mark reads apart from its word.
 */
const DEVANAGARI = /\p{Script=Devanagari}/u;
const ARABIC = /\p{Script=Arabic}/u;

const sorted = (text: string): string => [...text].sort().join('');

/** Whether the letters of `word` stand together, in any order, somewhere in `text`. */
function hasLetters(text: string, word: string): boolean {
  const chars = [...text];
  const length = [...word].length;
  const wanted = sorted(word);
  for (let at = 0; at + length <= chars.length; at += 1) if (sorted(chars.slice(at, at + length).join('')) === wanted) return true;
  return false;
}

const foundAsTyped = (layer: string, word: string): boolean => searchable(layer).includes(searchable(word));

/** The share of `words` a viewer's search finds exactly as typed. */
const share = (layer: string, words: string[]): number => (words.length === 0 ? 1 : words.filter((word) => foundAsTyped(layer, word)).length / words.length);

describe.each(CASES)('$name, set and read back', ({ name, expects, never }) => {
  it('embeds only the bundled fonts, the one for its script among them', () => {
    const { fonts } = get(name);
    expect(fonts.filter((font) => !BUNDLED.test(font))).toEqual([]);
    expect(fonts.some((font) => expects.test(font)), fonts.join(', ')).toBe(true);
    if (never) expect(fonts.filter((font) => never.test(font))).toEqual([]);
  });

  it('has no NUL, no soft hyphen and no replacement character in its text layer', () => {
    const { layer } = get(name);
    for (const char of ['\u0000', '\u00AD', '\uFFFD']) expect(layer.includes(char), `U+${char.codePointAt(0)?.toString(16).padStart(4, '0')}`).toBe(false);
  });
});

describe.each(CASES)('$name, searched', ({ name }) => {
  it('gives a viewer every word of the source (Devanagari: 75%, letters in any order; Arabic: 98% as typed)', () => {
    const { layer, words } = get(name);
    expect(words.length).toBeGreaterThan(10);
    const devanagari = words.filter((word) => DEVANAGARI.test(word));
    const arabic = words.filter((word) => ARABIC.test(word));
    const others = words.filter((word) => !DEVANAGARI.test(word) && !ARABIC.test(word));
    if (process.env['ZINEPRESS_FIGURES'] === '1') {
      console.log(`${name}: ${words.length} words, ${words.filter((word) => foundAsTyped(layer, word)).length} found as typed; Arabic ${Math.round(share(layer, arabic) * 100)}%`);
    }
    expect(others.filter((word) => !foundAsTyped(layer, word))).toEqual([]);
    const text = searchable(layer);
    const loose = devanagari.filter((word) => foundAsTyped(layer, word) || hasLetters(text, searchable(word)));
    expect(loose.length).toBeGreaterThanOrEqual(Math.ceil(devanagari.length * 0.75));
    const typed = searchable(layer, { spaces: true });
    const arabicFound = arabic.filter((word) => typed.includes(searchable(word)));
    expect(arabicFound.length, arabic.filter((word) => !arabicFound.includes(word)).join(' ')).toBeGreaterThanOrEqual(Math.ceil(arabic.length * 0.98));
  });
});
