/**
 * The fonts that come with the project, all from npm (@fontsource), so the
 * same source prints the same everywhere and no system font is ever used.
 *
 * Three base families set the Latin, Cyrillic and (monotonic) Greek text; the
 * script families set everything else. The print CSS names only the base
 * families: each script family is registered under every base family's name
 * too, with its own unicode-range, so a quoted line in any script finds its
 * font with no markup (see plan.ts).
 */

/** A family the print CSS names, with the weights and styles it asks for. */
export interface BaseFamily {
  name: string;
  package: string;
  /** `weight` or `weight-italic`, as @fontsource names its stylesheets. */
  styles: readonly string[];
}

/** A family for a script the base families do not draw. */
export interface ScriptFamily {
  name: string;
  package: string;
  /** The script, as a reader would name it (for messages and the README). */
  script: string;
  /** Weights it has among those the base families ask for. */
  weights: readonly number[];
  /** Whether it has italics; if not, its upright serves for italic too. */
  italic: boolean;
  /** The @fontsource subsets to use; default every subset but Latin, Cyrillic and Vietnamese (the base families'). */
  subsets?: readonly string[];
}

export const BASE_FAMILIES: readonly BaseFamily[] = [
  { name: 'Source Serif 4', package: '@fontsource/source-serif-4', styles: ['400', '400-italic', '600', '600-italic'] },
  { name: 'Source Sans 3', package: '@fontsource/source-sans-3', styles: ['400', '600', '700'] },
  { name: 'Source Code Pro', package: '@fontsource/source-code-pro', styles: ['400'] },
];

const WEIGHTS = [400, 600, 700] as const;

/** The script families, in the order they are tried for a character more than one of them has. */
export const SCRIPT_FAMILIES: readonly ScriptFamily[] = [
  // Polytonic Greek: Source Serif and Source Sans have monotonic Greek only (see plan.ts).
  { name: 'Noto Serif', package: '@fontsource/noto-serif', script: 'Greek (polytonic)', weights: WEIGHTS, italic: true, subsets: ['greek', 'greek-ext'] },
  { name: 'Noto Naskh Arabic', package: '@fontsource/noto-naskh-arabic', script: 'Arabic', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif Hebrew', package: '@fontsource/noto-serif-hebrew', script: 'Hebrew', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif Devanagari', package: '@fontsource/noto-serif-devanagari', script: 'Devanagari', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif Bengali', package: '@fontsource/noto-serif-bengali', script: 'Bengali', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif Tamil', package: '@fontsource/noto-serif-tamil', script: 'Tamil', weights: WEIGHTS, italic: true },
  { name: 'Noto Serif Thai', package: '@fontsource/noto-serif-thai', script: 'Thai', weights: WEIGHTS, italic: false },
  { name: 'Noto Sans Ethiopic', package: '@fontsource/noto-sans-ethiopic', script: 'Ethiopic', weights: WEIGHTS, italic: false },
  // Han characters are shared by four conventions; the document's lang puts its own first (see cjkOrder).
  { name: 'Noto Serif SC', package: '@fontsource/noto-serif-sc', script: 'Chinese (simplified)', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif TC', package: '@fontsource/noto-serif-tc', script: 'Chinese (traditional)', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif JP', package: '@fontsource/noto-serif-jp', script: 'Japanese', weights: WEIGHTS, italic: false },
  { name: 'Noto Serif KR', package: '@fontsource/noto-serif-kr', script: 'Korean', weights: WEIGHTS, italic: false },
  // Last: the symbols Source Serif lacks that Noto Serif's Latin face has, such as U+FFFD, which
  // stands for the bytes of a source that is not valid UTF-8 (markdown/read-source.ts).
  { name: 'Noto Serif', package: '@fontsource/noto-serif', script: 'symbols', weights: WEIGHTS, italic: true, subsets: ['latin'] },
];

/** Subsets a script family leaves to the base families. */
export const BASE_SUBSETS: readonly string[] = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'vietnamese'];

const CJK = ['Noto Serif SC', 'Noto Serif TC', 'Noto Serif JP', 'Noto Serif KR'];

/** The CJK family a language tag asks for first: zh-Hant, zh-TW, zh-HK, zh-MO → TC; ja → JP; ko → KR; else SC. */
export function cjkFirst(lang: string): string {
  const tag = lang.toLowerCase();
  if (/^ja\b/.test(tag)) return 'Noto Serif JP';
  if (/^ko\b/.test(tag)) return 'Noto Serif KR';
  if (/^zh\b.*\b(hant|tw|hk|mo)\b/.test(tag)) return 'Noto Serif TC';
  return 'Noto Serif SC';
}

/** The script families in the order they are tried for a document in `lang`. */
export function scriptFamiliesFor(lang: string): ScriptFamily[] {
  const first = cjkFirst(lang);
  const rank = (family: ScriptFamily): number => (family.name === first ? 0 : CJK.includes(family.name) ? 1 : 0);
  const others = SCRIPT_FAMILIES.filter((family) => !CJK.includes(family.name));
  const cjk = SCRIPT_FAMILIES.filter((family) => CJK.includes(family.name)).sort((a, b) => rank(a) - rank(b));
  return [...others, ...cjk];
}

/** Whether a document is polytonic Greek: lang grc or el-polyton, or any character of Greek Extended. */
export function isPolytonic(lang: string, text: string): boolean {
  return /^(grc|el-.*polyton)/i.test(lang) || /[\u1F00-\u1FFF]/u.test(text);
}
