/**
 * Which font files a document uses, and the @font-face rules that name them.
 *
 * Each base family the CSS names (Source Serif 4, Source Sans 3, Source Code
 * Pro) becomes a composite: its own faces, then every script family's faces
 * registered under its name, each with its own unicode-range. A character is
 * drawn by the first face in that order whose range holds it and whose font
 * has it, so a quoted line in Hebrew finds Noto Serif Hebrew with no markup.
 * The browser checks the last-declared face first (CSS Fonts 4, §4.5), so the
 * rules are written in reverse order.
 *
 * Only the faces whose range meets a character of the document are kept: a
 * Chinese handout copies the slices of Noto Serif SC it uses, not all of them.
 * In a polytonic Greek document the base families' Greek is left out, so that
 * every Greek letter comes from Noto Serif and no word mixes two typefaces.
 */
import { BASE_FAMILIES, BASE_SUBSETS, isPolytonic, scriptFamiliesFor, type BaseFamily, type ScriptFamily } from './catalog.ts';
import { inRanges, readFaces, type Face } from './faces.ts';

export interface FontPlanOptions {
  /** The document's language tag (front matter `lang`); it orders the CJK families. */
  lang: string;
  /** Every character the document may print (its HTML is fine: markup is ASCII). */
  text: string;
}

/** One @font-face rule: a face of some family, registered under a base family's name. */
export interface PlannedFace {
  alias: string;
  weight: number;
  style: 'normal' | 'italic';
  face: Face;
}

export interface FontPlan {
  /** Rules in priority order: the first that holds a character draws it. */
  faces: PlannedFace[];
  /** The distinct code points of the text. */
  codePoints: number[];
}

function styleOf(spec: string): { weight: number; style: 'normal' | 'italic' } {
  const [weight = '400', italic] = spec.split('-');
  return { weight: Number(weight), style: italic === 'italic' ? 'italic' : 'normal' };
}

/** The stylesheet of a script family closest to a wanted weight and style. */
function scriptSheet(family: ScriptFamily, weight: number, style: 'normal' | 'italic'): string {
  const nearest = [...family.weights].sort((a, b) => Math.abs(a - weight) - Math.abs(b - weight))[0] ?? 400;
  return `${family.package}/${nearest}${style === 'italic' && family.italic ? '-italic' : ''}.css`;
}

function wantedScriptSubset(family: ScriptFamily, subset: string): boolean {
  return family.subsets ? family.subsets.includes(subset) : !BASE_SUBSETS.includes(subset);
}

async function composite(base: BaseFamily, scripts: ScriptFamily[], polytonic: boolean): Promise<PlannedFace[]> {
  const planned: PlannedFace[] = [];
  for (const spec of base.styles) {
    const { weight, style } = styleOf(spec);
    const own = await readFaces(`${base.package}/${spec}.css`);
    for (const face of own) {
      if (polytonic && face.subset.startsWith('greek')) continue;
      planned.push({ alias: base.name, weight, style, face });
    }
    for (const family of scripts) {
      for (const face of await readFaces(scriptSheet(family, weight, style))) {
        if (wantedScriptSubset(family, face.subset)) planned.push({ alias: base.name, weight, style, face });
      }
    }
  }
  return planned;
}

export function codePointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const char of text) set.add(char.codePointAt(0) ?? 0);
  return [...set].sort((a, b) => a - b);
}

export async function planFonts(options: FontPlanOptions): Promise<FontPlan> {
  const codePoints = codePointsOf(options.text);
  const polytonic = isPolytonic(options.lang, options.text);
  const scripts = scriptFamiliesFor(options.lang);
  const faces: PlannedFace[] = [];
  for (const base of BASE_FAMILIES) {
    for (const planned of await composite(base, scripts, polytonic)) {
      if (codePoints.some((codePoint) => inRanges(planned.face.ranges, codePoint))) faces.push(planned);
    }
  }
  return { faces, codePoints };
}

function unicodeRange(face: Face): string {
  return face.ranges.map(([start, end]) => (start === end ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${end.toString(16)}`)).join(',');
}

/** The @font-face rules, in the order the browser needs (lowest priority first); `url` names a file where it is staged. */
export function fontFaceRules(plan: FontPlan, url: (face: Face) => string): string {
  return [...plan.faces]
    .reverse()
    .map(
      ({ alias, weight, style, face }) => `@font-face {
  font-family: '${alias}';
  font-style: ${style};
  font-weight: ${weight};
  font-display: swap;
  src: url(${url(face)}) format('woff2');
  unicode-range: ${unicodeRange(face)};
}`,
    )
    .join('\n');
}
