/**
 * Soft hyphens (U+00AD) in the running text, from Liang patterns for the
 * front matter's `lang` (the `hyphen` package: en-us for en, en-gb, de
 * (1996 rules), fr, es, it, pt, nl, and every other language it has patterns
 * for). The CSS then sets `hyphens: manual` and the browser breaks only there.
 *
 * Scope: the text of <main class="essay"> (footnotes included) and of the
 * card front. Never in headings (display type; their ids and bookmarks stay
 * clean), code (code, pre, kbd, samp, var), addresses (copied letter by
 * letter onto envelopes), the slogans (display lines), nor in anything that
 * looks like a URL or an e-mail address, nor in words in capitals (SWERF).
 * A language without patterns: no hyphenation and one warning. Thai, Lao,
 * Khmer and Burmese are never hyphenated, whatever patterns exist: their
 * lines break between words with no hyphen, and the browser finds those
 * breaks itself (ICU's dictionaries).
 *
 * Never a soft hyphen inside a ligature: HarfBuzz shapes f + U+00AD + i into
 * the one fi glyph, whose text is then lost from the PDF (search and copy
 * miss "official"). Every ligature the bundled text faces make starts with f
 * (ff, fi, fj, fl, ft; fb, fh, fk in italic), so no break is offered after an
 * f that one of those letters follows.
 */
import { createRequire } from 'node:module';
import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

export type Hyphenator = (text: string) => string;
type CreateHyphenator = (patterns: unknown, options?: { hyphenChar?: string; minWordLength?: number }) => Hyphenator;

export const SOFT_HYPHEN = '\u00AD';

const require = createRequire(import.meta.url);
const ALIASES: Record<string, string> = { en: 'en-us', de: 'de-1996', el: 'el-monoton', mn: 'mn-cyrl', sr: 'sr-cyrl' };
const cache = new Map<string, Hyphenator | undefined>();

/** The hyphenator for a language tag, or undefined if there are no patterns for it. */
export function hyphenatorFor(lang: string): Hyphenator | undefined {
  const tag = lang.toLowerCase();
  if (cache.has(tag)) return cache.get(tag);
  const primary = tag.split('-')[0] ?? tag;
  const candidates = [tag, ALIASES[tag], primary, ALIASES[primary]].filter(
    (name): name is string => name !== undefined && /^[a-z0-9-]+$/.test(name),
  );
  let hyphenator: Hyphenator | undefined;
  for (const name of candidates) {
    let patterns: unknown;
    try {
      patterns = require(`hyphen/patterns/${name}.js`);
    } catch {
      continue;
    }
    const create = require('hyphen') as CreateHyphenator;
    hyphenator = remembering(create(patterns, { hyphenChar: SOFT_HYPHEN }));
    break;
  }
  cache.set(tag, hyphenator);
  return hyphenator;
}

/** Most a hyphenator remembers; it starts afresh past that, so a long preview session does not grow without end. */
const REMEMBERED = 100_000;

/**
 * Each distinct token is hyphenated once per process: each call to `hyphen`
 * sets up a text reader of its own, which costs more than the patterns. A
 * first build gains little (its time is the code warming up), but the
 * preview's next build of an essay, or the next document of a batch, finds
 * most of its words known (about 60 ms less for the essay).
 */
function remembering(hyphenate: Hyphenator): Hyphenator {
  const known = new Map<string, string>();
  return (token) => {
    let hyphenated = known.get(token);
    if (hyphenated === undefined) {
      hyphenated = hyphenate(token);
      if (known.size >= REMEMBERED) known.clear();
      known.set(token, hyphenated);
    }
    return hyphenated;
  };
}

/** Languages whose lines break without a hyphen: between words (Thai, Lao, Khmer, Burmese, Korean) or between characters (Chinese, Japanese). */
const UNHYPHENATED = /^(th|lo|km|my|ko|zh|ja)\b/i;
/** Whether the text of a language is hyphenated: it breaks words with hyphens and there are patterns for it. */
export const isHyphenated = (lang: string): boolean => !UNHYPHENATED.test(lang) && hyphenatorFor(lang) !== undefined;

const NO_HYPHENS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre', 'kbd', 'samp', 'var', 'tt', 'address']);
const NO_HYPHENS_CLASS = ['slogans'];
const ROOTS = ['essay', 'card-front'];

function classes(node: Element): string[] {
  const className = node.properties['className'];
  return Array.isArray(className) ? className.map(String) : [];
}

/** A token that must not be broken: a URL, a path, an e-mail, an all-capitals word. */
function keepWhole(token: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(token) || /^(?:mailto|tel|urn|data):/i.test(token) || /^www\./i.test(token) || /[/@\\]/.test(token) || !/\p{Ll}/u.test(token);
}

/** A soft hyphen between an f and a letter it ligates with in Source Serif 4 or Source Sans 3. */
const IN_LIGATURE = /(?<=f)\u00AD(?=[bfhijklt])/g;

/** The fewest letters a break leaves before and after it, counted within the word (punctuation around it aside). */
export interface Minimums {
  /** Default 2. */
  before?: number;
  /** Default 2. */
  after?: number;
}

/** English keeps 3 letters after a break, as TeX's patterns were made for; other languages 2. */
export const minimumsFor = (lang: string): Minimums => (/^en\b/i.test(lang) ? { after: 3 } : {});

/**
 * Takes out the soft hyphens of a hyphenated token that would leave fewer
 * letters than the minimums on either side, within the word: the patterns
 * count the punctuation before a word ("¡A-quel", "“A-quel") as letters.
 */
function withMinimums(token: string, minimums: Minimums): string {
  const { before = 2, after = 2 } = minimums;
  const parts = token.split(SOFT_HYPHEN);
  const lettersAround = (part: string, side: 'end' | 'start') => {
    const run = side === 'end' ? /[\p{L}\p{M}]*$/u.exec(part) : /^[\p{L}\p{M}]*/u.exec(part);
    return [...(run?.[0] ?? '')].filter((char) => /\p{L}/u.test(char)).length;
  };
  let out = parts[0] ?? '';
  for (let i = 1; i < parts.length; i += 1) {
    const head = out.split(SOFT_HYPHEN).at(-1) ?? '';
    const rest = parts.slice(i).join('');
    const keep = lettersAround(out.replace(/\u00AD/g, ''), 'end') >= before && lettersAround(rest, 'start') >= after && head !== '';
    out += (keep ? SOFT_HYPHEN : '') + (parts[i] ?? '');
  }
  return out;
}

export function hyphenateText(text: string, hyphenate: Hyphenator, minimums: Minimums = {}): string {
  return text.replace(/\S+/g, (token) => (keepWhole(token) ? token : withMinimums(hyphenate(token).replace(IN_LIGATURE, ''), minimums)));
}

export function rehypeHyphenate() {
  return (tree: Root, file: VFile): void => {
    const lang = file.data.frontMatter?.lang ?? 'en';
    if (UNHYPHENATED.test(lang)) return;
    const hyphenate = hyphenatorFor(lang);
    if (!hyphenate) {
      const places = file.data.frontMatterPlaces;
      warn(file, `no hyphenation patterns for \`lang: ${lang}\`; the text is not hyphenated`, places?.keys['lang'] ?? places?.block, 'hyphenate-lang');
      return;
    }
    const minimums = minimumsFor(lang);
    const walk = (children: ElementContent[], active: boolean): void => {
      for (const child of children) {
        if (child.type === 'text' && active) child.value = hyphenateText(child.value, hyphenate, minimums);
        if (child.type !== 'element') continue;
        const names = classes(child);
        if (NO_HYPHENS.has(child.tagName) || names.some((name) => NO_HYPHENS_CLASS.includes(name))) continue;
        walk(child.children, active || names.some((name) => ROOTS.includes(name)));
      }
    };
    walk(tree.children as ElementContent[], false);
  };
}
