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
 * Where a viewer's search cannot find a word as typed. pdf.js starts a text
 * item on a zero-width mark and ends it at the next glyph, so the mark reads
 * apart: an Arabic word whose last letter bears a tanween (drawn first in
 * the word); and it reads a gap between glyphs as a space: a Devanagari half
 * form set closer to the next letter than its advance says. So Arabic and
 * Devanagari words are found as typed (the layer's spaces kept) but for one
 * in fifty and one in twenty-five; every other word, once the layer's
 * spaces are dropped (words hyphenated at a line end).
 */
const DEVANAGARI = /\p{Script=Devanagari}/u;
const ARABIC = /\p{Script=Arabic}/u;

const foundLoosely = (layer: string, word: string): boolean => searchable(layer).includes(searchable(word));
const foundAsTyped = (layer: string, word: string): boolean => searchable(layer, { spaces: true }).includes(searchable(word));

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
  it('gives a viewer every word of the source (Arabic: 98% as typed; Devanagari: 96% as typed)', () => {
    const { layer, words } = get(name);
    expect(words.length).toBeGreaterThan(10);
    const devanagari = words.filter((word) => DEVANAGARI.test(word));
    const arabic = words.filter((word) => ARABIC.test(word));
    const others = words.filter((word) => !DEVANAGARI.test(word) && !ARABIC.test(word));
    const missing = (list: string[]): string[] => list.filter((word) => !foundAsTyped(layer, word));
    if (process.env['ZINEPRESS_FIGURES'] === '1') console.log(`${name}: ${words.length} words, ${words.length - missing(words).length} found as typed: missing ${missing(words).join(' ')}`);
    expect(others.filter((word) => !foundLoosely(layer, word))).toEqual([]);
    expect(arabic.length - missing(arabic).length, missing(arabic).join(' ')).toBeGreaterThanOrEqual(Math.ceil(arabic.length * 0.98));
    expect(devanagari.length - missing(devanagari).length, missing(devanagari).join(' ')).toBeGreaterThanOrEqual(Math.ceil(devanagari.length * 0.96));
  });
});
