/**
 * Which way a document's lines run: right to left for Arabic, Hebrew, Persian,
 * Urdu, Yiddish and the other languages written in a right-to-left script,
 * left to right otherwise. Front matter `dir` overrides what `lang` implies.
 */
import type { Binding } from '../impose/plan.ts';

export const DIRECTIONS = ['ltr', 'rtl'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Languages written right to left, as BCP 47 primary subtags (iw and ji are Hebrew's and Yiddish's old codes). */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ji', 'ps', 'sd', 'ckb', 'ug', 'dv', 'syr']);
/** Right-to-left scripts, as script subtags: az-Arab, pa-Arab, ku-Arab, … */
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'syrc', 'thaa', 'nkoo', 'adlm', 'rohg', 'mand', 'samr']);

/** The direction a language tag implies: rtl for `ar`, `he-IL`, `pa-Arab`; ltr for `en`, `az-Latn`. */
export function directionOfLanguage(lang: string): Direction {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  const script = subtags.find((subtag) => subtag.length === 4);
  if (script !== undefined) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}

/** The document's direction: front matter `dir` when given, else what its `lang` implies. */
export function documentDirection(frontMatter: { lang: string; dir?: Direction | undefined }): Direction {
  return frontMatter.dir ?? directionOfLanguage(frontMatter.lang);
}

/** A zine is bound on the edge its readers start from: the right for a right-to-left script. */
export function bindingFor(direction: Direction): Binding {
  return direction === 'rtl' ? 'right' : 'left';
}
