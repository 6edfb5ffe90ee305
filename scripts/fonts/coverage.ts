/**
 * Which face draws a character among the planned faces (whose unicode-ranges
 * are cut to what each font has, so the one whose range holds it), and which
 * characters no bundled face draws at all.
 */
import { BASE_FAMILIES } from './catalog.ts';
import { inRanges, type Face } from './faces.ts';
import { needsGlyph, type FontPlan } from './plan.ts';

export { needsGlyph } from './plan.ts';

export interface FaceQuery {
  /** Default: the text face, Source Serif 4. */
  alias?: string;
  /** Default 400. */
  weight?: number;
  /** Default normal. */
  style?: 'normal' | 'italic';
}


/** The face that draws `codePoint` in the given family, weight and style; undefined if none has it. */
export function drawingFace(plan: FontPlan, codePoint: number, query: FaceQuery = {}): Face | undefined {
  const alias = query.alias ?? BASE_FAMILIES[0]?.name;
  const weight = query.weight ?? 400;
  const style = query.style ?? 'normal';
  for (const planned of plan.faces) {
    if (planned.alias !== alias || planned.weight !== weight || planned.style !== style) continue;
    if (inRanges(planned.ranges, codePoint)) return planned.face;
  }
  return undefined;
}

/** The document's code points that no bundled face draws in the text face. */
export function uncovered(plan: FontPlan): number[] {
  return plan.codePoints.filter((codePoint) => needsGlyph(codePoint) && !drawingFace(plan, codePoint));
}

const SCRIPTS = [
  'Latin', 'Greek', 'Cyrillic', 'Armenian', 'Hebrew', 'Arabic', 'Syriac', 'Thaana', 'Nko', 'Devanagari', 'Bengali',
  'Gurmukhi', 'Gujarati', 'Oriya', 'Tamil', 'Telugu', 'Kannada', 'Malayalam', 'Sinhala', 'Thai', 'Lao', 'Tibetan',
  'Myanmar', 'Georgian', 'Hangul', 'Ethiopic', 'Cherokee', 'Canadian_Aboriginal', 'Ogham', 'Runic', 'Khmer',
  'Mongolian', 'Hiragana', 'Katakana', 'Bopomofo', 'Han', 'Yi', 'Tifinagh', 'Javanese', 'Balinese', 'Vai', 'Adlam',
  'Ol_Chiki', 'Egyptian_Hieroglyphs', 'Cuneiform', 'Gothic', 'Coptic', 'Braille',
];

/** The script of a character, as Unicode names it (`Tibetan`), or undefined for shared characters and symbols. */
export function scriptOf(codePoint: number): string | undefined {
  const char = String.fromCodePoint(codePoint);
  return SCRIPTS.find((script) => new RegExp(`\\p{Script=${script}}`, 'u').test(char));
}

/**
 * `U+0F00 TIBETAN SYLLABLE OM`. The names are 2.5 MB of data that only such a
 * message needs, so they are loaded here rather than compiled at every start.
 */
export async function describe(codePoint: number): Promise<string> {
  const { unicodeName } = await import('unicode-name');
  const hex = codePoint.toString(16).toUpperCase().padStart(4, '0');
  return `U+${hex} ${unicodeName(codePoint) ?? 'unnamed'}`;
}

/** What to do about a character no bundled font has. */
export function fontToAdd(codePoint: number): string {
  const script = scriptOf(codePoint);
  const family = script === undefined ? 'a Noto family that has it' : `a font for the ${script.replace(/_/g, ' ')} script (e.g. @fontsource/noto-sans-${script.toLowerCase().replace(/_/g, '-')})`;
  return `add ${family} to scripts/fonts/catalog.ts`;
}

/**
 * Why a character fails the build: `U+0915 DEVANAGARI LETTER KA has no glyph
 * in the bundled fonts and would print as an empty box: add …`; once laid
 * out, the font that drew it is named and it prints as a box.
 */
export async function missingGlyphReason(codePoint: number, drawnBy?: string): Promise<string> {
  const where = drawnBy === undefined ? 'has no glyph in the bundled fonts and would print' : `has no glyph in ${drawnBy}, which drew it, and prints`;
  return `${await describe(codePoint)} ${where} as an empty box: ${fontToAdd(codePoint)}`;
}

/**
 * Why a letter with combining marks fails the build: `"o̱" (U+006F LATIN SMALL
 * LETTER O with U+0331 COMBINING MACRON BELOW) has no bundled font that draws
 * them together …`, naming the marks no font has with that letter.
 */
export async function undrawnClusterReason(cluster: string): Promise<string> {
  const [base = '', ...marks] = [...cluster].filter((char) => needsGlyph(char.codePointAt(0) ?? 0));
  const named = await Promise.all(marks.map((mark) => describe(mark.codePointAt(0) ?? 0)));
  const letter = await describe(base.codePointAt(0) ?? 0);
  return `"${cluster}" (${letter} with ${named.join(' and ')}) has no bundled font that draws them together, and would print as an empty box: write the letter another way, or ${fontToAdd(base.codePointAt(0) ?? 0).replace(/ to scripts/, ' that has both to scripts')}`;
}

/** What the bytes 0x80–0x9F are in Windows-1252 (five are unassigned: 0). */
const WINDOWS_1252 = [
  0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0, 0x17d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
];

/** Why a control character fails the build (U+0092 is how a Windows-1252 apostrophe reads when taken for Latin-1). */
export async function controlCharacterReason(codePoint: number): Promise<string> {
  const windows1252 = WINDOWS_1252[codePoint - 0x80] ?? 0;
  const meant = windows1252 === 0 ? '' : `; in text converted from Windows-1252 it stands for "${String.fromCodePoint(windows1252)}" (${await describe(windows1252)})`;
  return `${await describe(codePoint)} is a control character, not a letter, and would print as an empty box: delete it or write the character meant${meant}`;
}
