/**
 * Letters the line breaker would part. UAX #14 gives a few spacing marks the
 * class BB, a break before them: U+00B4 ACUTE ACCENT, U+02C8 and U+02CC (the
 * stress marks), U+02DF, U+1FFD. Where a text writes one of them as a letter
 * or a glottal stop after a letter (Tzeltal's "jk´anbatika", "muk´"),
 * Chromium breaks the word before it with no hyphen. Each such mark and the
 * letter before it are set in a span the stylesheets keep on one line
 * (styles/line-breaking.css, print and web alike); the text stays as written,
 * so a search for the word still finds it.
 */
import type { ElementContent, Root, Text } from 'hast';
import { rewriteText } from './rewrite-text.ts';

/** A letter (with its marks, and a soft hyphen the hyphenator put after it) and a class BB mark after it. */
const PAIR = /[\p{L}\p{N}][\p{M}\u00AD]*[\u00B4\u02C8\u02CC\u02DF\u1FFD]+/gu;
const SKIP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

export const KEEP_TOGETHER = 'keep-together';

/** The text split into its plain runs and its kept pairs, or undefined when it has none. */
export function keepTogether(value: string): ElementContent[] | undefined {
  const parts: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(PAIR)) {
    const at = match.index ?? 0;
    if (at > last) parts.push({ type: 'text', value: value.slice(last, at) });
    // A soft hyphen inside the pair would offer the very break it is kept from.
    const kept: Text = { type: 'text', value: match[0].replace(/\u00AD/g, '') };
    parts.push({ type: 'element', tagName: 'span', properties: { className: [KEEP_TOGETHER] }, children: [kept] });
    last = at + match[0].length;
  }
  if (parts.length === 0) return undefined;
  if (last < value.length) parts.push({ type: 'text', value: value.slice(last) });
  return parts;
}

export function rehypeKeepTogether() {
  return (tree: Root): void => rewriteText(tree, { skip: SKIP, split: keepTogether });
}
