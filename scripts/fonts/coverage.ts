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
