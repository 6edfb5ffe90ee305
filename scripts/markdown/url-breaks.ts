/**
 * Where a URL may break across lines, as a careful typesetter breaks it
 * (Chicago Manual of Style): after a slash or a double slash, or a colon;
 * before a period, comma, hyphen, underscore, tilde, question mark, number
 * sign, percent sign or other punctuation; before or after an equals sign or
 * an ampersand; never inside a run of letters and digits, and never with an
 * added hyphen. The markdown stage puts a `<wbr>` at each of these places in
 * every URL of the text (link text that is a URL, autolinks, bare URLs): it
 * adds no character, so the text layer reads the URL whole, and Chromium
 * breaks there before the stylesheets' `overflow-wrap: anywhere` would cut a
 * letter run. The read-back (formats/read-back/url-ends.ts) accepts a line
 * ending inside a URL only at one of them.
 */
import type { ElementContent, Root } from 'hast';
import { rewriteText } from './rewrite-text.ts';

/** A URL in running text: a scheme with `//`, `mailto:`, or `www.`, up to a space; trailing punctuation is the sentence's. */
export const URL_IN_TEXT = /(?<![\p{L}\p{N}])(?:[a-z][a-z0-9+.-]*:\/\/|mailto:|www\.)[^\s<>]*[^\s<>.,;:!?'"’”)\]}]/giu;

const PUNCTUATION = /[\p{P}\p{S}]/u;

/** The offsets in `url` where a line may break, between `url[k - 1]` and `url[k]`. */
export function urlBreaks(url: string): number[] {
  const breaks: number[] = [];
  const chars = [...url];
  let offset = chars[0]?.length ?? 0;
  for (let k = 1; k < chars.length; offset += (chars[k] as string).length, k += 1) {
    const before = chars[k - 1] as string;
    const after = chars[k] as string;
    // Never inside a double slash or "://".
    if (after === '/' && (before === '/' || before === ':')) continue;
    const afterSlash = before === '/' || before === ':' || before === '=' || before === '&';
    const beforePunctuation = PUNCTUATION.test(after) && after !== '/' && after !== ':' && !PUNCTUATION.test(before);
    if (afterSlash || beforePunctuation) breaks.push(offset);
  }
  return breaks;
}

const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg']);

/** The text with a `<wbr>` at each break of each URL in it, or undefined when it holds no URL. */
export function withUrlBreaks(value: string): ElementContent[] | undefined {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(URL_IN_TEXT)) {
    const start = match.index ?? 0;
    for (const offset of urlBreaks(match[0])) {
      parts.push({ type: 'text', value: value.slice(last, start + offset) });
      parts.push({ type: 'element', tagName: 'wbr', properties: {}, children: [] });
      last = start + offset;
    }
  }
  if (parts.length === 0) return undefined;
  parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

export function rehypeUrlBreaks() {
  return (tree: Root): void => rewriteText(tree, { skip: SKIP, split: withUrlBreaks });
}
