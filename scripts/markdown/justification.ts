/**
 * Justified or ragged: the one place that decides, for a language and the
 * script its text is in, whether the running text is justified. Ragged
 * (`text-align: start`: right to left text stays flush right) where the
 * reading edition's justified lines, measured over the Declaration's
 * translations (docs/justification.md, scripts/corpus/measure-spaces.ts),
 * opened a word space wider than WIDE_SPACE (0.75 em) on more than
 * LOOSE_SHARE of their lines:
 * - Thai, Lao, Khmer, Burmese: lines break between words with no space to
 *   stretch, so the few spaces there are open wide (Thai: 39% of lines).
 * - Tamil, Telugu, Kannada, Malayalam: long words and few spaces a line,
 *   hyphenated or not (Tamil: 60%); Sanskrit's long compounds (14%).
 * - A language with no hyphenation patterns (hyphenate.ts): a long word goes
 *   whole to the next line and leaves its space to the others (Cyrillic:
 *   30%, Latin: 4%, up to 13%; Hangul 3.7%; Hebrew 4.4%), but in the scripts
 *   where its words stayed short (Arabic 0.8%, Devanagari 0%, Ethiopic 2.2%)
 *   and in the languages measured tight on their own (Vietnamese, Hebrew: 0).
 * Chinese and Japanese, which break between any two characters, and every
 * other language with patterns (Latin 0.5%, Cyrillic 0.8%, Greek 0%) stay
 * justified.
 *
 * markdown/layout.ts marks the essay `ragged` from it, block-lang.ts a block
 * quoting a language set ragged; type.css sets them. Every format laid out
 * from the markdown (reading, booklet, mini, large print, which is ragged
 * anyway) follows it, and the web edition, ragged for every language, agrees.
 * A stylesheet of the user's (`style:`) can justify again with
 * `.essay { text-align: justify }`.
 */
import { isHyphenated } from './hyphenate.ts';

export type Alignment = 'justify' | 'ragged';

/** The share of justified lines with a space over 0.75 em above which a language is set ragged. */
export const LOOSE_SHARE = 0.025;

/** Set ragged whatever patterns exist. */
const RAGGED = /^(th|lo|km|my|ta|te|kn|ml|sa)\b/i;
/** Justified with no patterns: lines break between any two characters (Chinese, Japanese), or measured tight. */
const JUSTIFIED = /^(zh|ja|yue|vi|he)\b/i;
/** Scripts whose languages with no patterns were measured tight when justified. */
const TIGHT_SCRIPTS = new Set(['Arabic', 'Devanagari', 'Ethiopic', 'Han', 'Hiragana', 'Katakana']);

export interface AlignmentQuery {
  /** The BCP 47 tag of the text's language (front matter `lang`). */
  lang: string;
  /** The script most of its letters are in, as Unicode names it (fonts/main-script.ts). */
  script: string;
}

export function alignmentFor({ lang, script }: AlignmentQuery): Alignment {
  if (RAGGED.test(lang)) return 'ragged';
  if (JUSTIFIED.test(lang) || isHyphenated(lang)) return 'justify';
  return TIGHT_SCRIPTS.has(script) ? 'justify' : 'ragged';
}
