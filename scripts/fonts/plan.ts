/**
 * Which font files a document uses, and the @font-face rules that name them.
 *
 * Each base family the CSS names (Source Serif 4, Source Sans 3, Source Code
 * Pro) becomes a composite: its own faces, then every script family's faces
 * registered under its name, each with its own unicode-range, so a quoted line
 * in Hebrew finds Noto Serif Hebrew with no markup. A character is drawn by
 * the first face in that order whose range holds it and whose font has it.
 *
 * The rules leave the browser no choice to make: each face's unicode-range is
 * cut down to the characters its font really has (cmap.ts), and a face that
 * draws none of the document's characters is left out, with its file. So a
 * Chinese handout copies the slices of Noto Serif SC it uses, and the glyph
 * check (coverage.ts) sees exactly what the browser will do. In a polytonic
 * Greek document the base families' Greek is left out, so that every Greek
 * letter comes from Noto Serif and no word mixes two typefaces.
 */
import { BASE_FAMILIES, BASE_SUBSETS, isPolytonic, scriptFamiliesFor, type BaseFamily, type ScriptFamily } from './catalog.ts';
import { codePointsIn } from './cmap.ts';
import { clusterFaces, markedClusters } from './clusters.ts';
import { inRanges, readFaces, toRanges, type Face, type Range } from './faces.ts';
import type { Labels } from '../config/labels.ts';

export interface FontPlanOptions {
  /** The document's language tag (front matter `lang`); it orders the CJK families. */
  lang: string;
  /** Every character the document may print (its HTML is fine: markup is ASCII). */
  text: string;
  /** What of it is also set in capitals (capitals.ts: the title, the cover's byline and slogans). Default: none. */
  capitals?: string;
  /** The words the layout prints besides the text, in the document's language (ResolvedDocument.labels). Default: none. */
  labels?: Labels;
}

/** One @font-face rule: a face of some family, registered under a base family's name. */
export interface PlannedFace {
  alias: string;
  weight: number;
  style: 'normal' | 'italic';
  face: Face;
  /** The characters it is used for: its unicode-range met with its cmap. */
  ranges: Range[];
  /** A face for letters with combining marks that no other face draws whole (clusters.ts): tried after every other. */
  clusters?: true;
}

export interface FontPlan {
  /** Rules in priority order; no two rules of one family, weight and style share a character. */
  faces: PlannedFace[];
  /** The distinct code points of the text. */
  codePoints: number[];
  /** The CJK languages quoted in blocks of their own (quotedCjkLangs), whose composites are registered too. */
  quoted: string[];
  /** Letters with combining marks that no bundled font draws whole (clusters.ts). */
  undrawn: string[];
}

/** Characters that need no glyph: controls, format characters (soft hyphen, ZWJ, bidi marks), variation selectors. */
export function needsGlyph(codePoint: number): boolean {
  return !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u.test(String.fromCodePoint(codePoint));
}

const span = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** What the layout may print beyond the text: folios, note marks, the hyphen at a break, dashes, quotes, spaces. */
const ALWAYS = String.fromCodePoint(...[...span(0x20, 0x7e), ...span(0xa0, 0xff), ...span(0x2002, 0x203a)].filter(needsGlyph));

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

/** The faces of one composite (a base family at one weight and style), in priority order: its own, then the scripts'. */
async function candidates(base: BaseFamily, spec: string, scripts: ScriptFamily[], polytonic: boolean): Promise<{ own: Face[]; others: Face[]; full: Face[] }> {
  const { weight, style } = styleOf(spec);
  const own = (await readFaces(`${base.package}/${spec}.css`)).filter((face) => !(polytonic && face.subset.startsWith('greek')));
  const sheets = await Promise.all(scripts.map(async (family) => ({ family, faces: await readFaces(scriptSheet(family, weight, style)) })));
  const others = sheets.flatMap(({ family, faces }) => faces.filter((face) => wantedScriptSubset(family, face.subset)));
  // For a letter and its marks that no single planned file has: the base family's own files, then
  // every subset of Noto Serif (Latin, Cyrillic and Greek with many marks), then the scripts' (the
  // Han families' hundreds of slices aside: their marks are their own, which their planned faces draw).
  const noto = sheets.find(({ family }) => family.name === 'Noto Serif')?.faces ?? [];
  const scriptFaces = sheets.filter(({ family }) => !/^Noto Serif (SC|TC|JP|KR)$/.test(family.name)).flatMap(({ faces }) => faces);
  return { own, others, full: [...own, ...noto, ...scriptFaces] };
}

/**
 * The distinct code points of `text`, in order (a lone surrogate counts as
 * itself). Read a UTF-16 unit at a time against a bit set: a book's HTML is a
 * megabyte, and a string iterator over it took tens of milliseconds.
 */
export function codePointsOf(text: string): number[] {
  const seen = new Uint8Array(0x110000 >> 3);
  const found: number[] = [];
  for (let at = 0; at < text.length; at += 1) {
    let codePoint = text.charCodeAt(at);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && at + 1 < text.length) {
      const low = text.charCodeAt(at + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = ((codePoint - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        at += 1;
      }
    }
    const bit = 1 << (codePoint & 7);
    if ((seen[codePoint >> 3] ?? 0) & bit) continue;
    seen[codePoint >> 3] = (seen[codePoint >> 3] ?? 0) | bit;
    found.push(codePoint);
  }
  return found.sort((a, b) => a - b);
}

/**
 * Keeps the faces that draw a character of `codePoints`, each cut to the
 * characters its font has, less those a face before it has (`taken`, updated).
 */
async function choose(faces: Face[], codePoints: number[], taken: Set<number>): Promise<{ face: Face; ranges: Range[] }[]> {
  const chosen: { face: Face; ranges: Range[] }[] = [];
  for (const face of faces) {
    const wanted = codePoints.filter((codePoint) => !taken.has(codePoint) && inRanges(face.ranges, codePoint));
    if (wanted.length === 0) continue;
    const cmap = await codePointsIn(face);
    if (!wanted.some((codePoint) => cmap.has(codePoint))) continue;
    const own = [...cmap].filter((codePoint) => inRanges(face.ranges, codePoint) && !taken.has(codePoint));
    for (const codePoint of own) taken.add(codePoint);
    chosen.push({ face, ranges: toRanges(own) });
  }
  return chosen;
}

/**
 * The languages of CJK quotations in a document of another language, whose
 * blocks get their own `lang` (markdown/block-lang.ts): ja where there is
 * kana, ko where there is hangul. Han with neither reads as Chinese, the
 * order every other document has.
 */
export function quotedCjkLangs(lang: string, text: string): string[] {
  const own = lang.toLowerCase().split('-')[0];
  const found: string[] = [];
  if (own !== 'ja' && /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) found.push('ja');
  if (own !== 'ko' && /\p{Script=Hangul}/u.test(text)) found.push('ko');
  return found;
}

/** The name a base family's composite has in blocks of a quoted language: `Source Serif 4 ja`. */
export const quotedAlias = (base: string, lang: string): string => `${base} ${lang}`;

export async function planFonts(options: FontPlanOptions): Promise<FontPlan> {
  // The labels the layout prints from its stylesheets (the card's cut line, "continued") are in the document's language.
  const labels = Object.values(options.labels ?? {}).join('\n');
  const text = `${options.text}\n${labels}`;
  // The running heads, covers and labels set text in capitals (text-transform: uppercase): their letters are printed too.
  const printed = `${text}\n${upperCase(`${options.capitals ?? ''}\n${labels}`, options.lang)}`;
  const undrawn = new Set<string>();
  const faces = await planComposites(options.lang, printed, (base) => base, undrawn);
  const quoted = quotedCjkLangs(options.lang, options.text);
  for (const lang of quoted) faces.push(...(await planComposites(lang, options.text, (base) => quotedAlias(base, lang), undrawn)));
  return { faces, codePoints: codePointsOf(text), quoted, undrawn: [...undrawn] };
}

function upperCase(text: string, lang: string): string {
  try {
    return text.toLocaleUpperCase(lang);
  } catch {
    return text.toUpperCase();
  }
}

/**
 * The last plans made, by language, alias, characters and marked letters: the
 * plan depends on nothing else, so a save of the preview that brings no new
 * character is planned at once.
 */
const made = new Map<string, { faces: readonly PlannedFace[]; undrawn: readonly string[] }>();
const KEPT_PLANS = 16;

/** The faces of every base family's composite, in `lang`'s order of CJK families, each registered under `alias(base)`. */
async function planComposites(lang: string, text: string, alias: (base: string) => string, undrawn: Set<string>): Promise<PlannedFace[]> {
  const codePoints = codePointsOf(text);
  const clusters = markedClusters(text);
  const key = JSON.stringify([lang, alias(''), codePoints, clusters.map((cluster) => cluster.text).sort()]);
  let plan = made.get(key);
  if (plan === undefined) {
    const found = new Set<string>();
    plan = { faces: await planFaces(lang, text, { codePoints, clusters }, alias, found), undrawn: [...found] };
    made.set(key, plan);
    if (made.size > KEPT_PLANS) made.delete(made.keys().next().value ?? '');
  }
  for (const cluster of plan.undrawn) undrawn.add(cluster);
  return [...plan.faces];
}

async function planFaces(
  lang: string,
  text: string,
  { codePoints, clusters }: { codePoints: number[]; clusters: ReturnType<typeof markedClusters> },
  alias: (base: string) => string,
  undrawn: Set<string>,
): Promise<PlannedFace[]> {
  const printed = codePointsOf(text + ALWAYS);
  const polytonic = isPolytonic(lang, text);
  const scripts = scriptFamiliesFor(lang);
  const faces: PlannedFace[] = [];
  for (const base of BASE_FAMILIES) {
    for (const spec of base.styles) {
      const { weight, style } = styleOf(spec);
      // The base family also draws what the layout adds (folios, marks, dashes); the scripts only the text.
      const { own, others, full } = await candidates(base, spec, scripts, polytonic);
      const taken = new Set<number>();
      const chosen = [...(await choose(own, printed, taken)), ...(await choose(others, codePoints, taken))];
      for (const { face, ranges } of chosen) faces.push({ alias: alias(base.name), weight, style, face, ranges });
      const marked = await clusterFaces(clusters, chosen, full);
      for (const { face, ranges } of marked.faces) faces.push({ alias: alias(base.name), weight, style, face, ranges, clusters: true });
      for (const cluster of marked.undrawn) undrawn.add(cluster);
    }
  }
  return faces;
}

function unicodeRange(ranges: readonly Range[]): string {
  return ranges.map(([start, end]) => (start === end ? `U+${start.toString(16)}` : `U+${start.toString(16)}-${end.toString(16)}`)).join(',');
}

const GENERIC: Record<string, string> = { 'Source Serif 4': 'serif', 'Source Sans 3': 'sans-serif', 'Source Code Pro': 'monospace' };

/**
 * A block quoting a CJK language gets the composites in that language's order
 * through the custom properties the stylesheets' font-family reads
 * (`var(--serif, 'Source Serif 4', serif)`): a Japanese line in an English
 * handout is set in Noto Serif JP, not in Simplified Chinese forms.
 */
function quotedLangRules(plan: FontPlan): string {
  const variable: Record<string, string> = { 'Source Serif 4': '--serif', 'Source Sans 3': '--sans', 'Source Code Pro': '--mono' };
  return plan.quoted
    .map((lang) => `[lang|='${lang}'] {\n${BASE_FAMILIES.map(({ name }) => `  ${variable[name] ?? '--serif'}: '${quotedAlias(name, lang)}', '${name}', ${GENERIC[name] ?? 'serif'};`).join('\n')}\n}`)
    .join('\n');
}

/** The @font-face rules, and the rules giving quoted CJK blocks their faces; `url` names a face's file where it is staged. */
export function fontFaceRules(plan: FontPlan, url: (face: Face) => string): string {
  // Of rules whose unicode-ranges overlap the browser tries the last defined first: the faces for marked letters go first, to be tried last.
  return [...plan.faces.filter((face) => face.clusters), ...plan.faces.filter((face) => !face.clusters)]
    .map(
      ({ alias, weight, style, face, ranges }) => `@font-face {
  font-family: '${alias}';
  font-style: ${style};
  font-weight: ${weight};
  font-display: swap;
  src: url(${url(face)}) format('woff2');
  unicode-range: ${unicodeRange(ranges)};
}`,
    )
    .concat(quotedLangRules(plan))
    .join('\n');
}
