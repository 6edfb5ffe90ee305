/**
 * Which text each glyph of a cluster stands for, so that a reader that
 * takes text glyph by glyph (pdf.js, as Firefox uses; poppler outside an
 * ActualText span) puts the cluster's letters back in their order.
 *
 * Chromium writes a cluster of a complex script (a Devanagari syllable, an
 * Arabic letter built from a body and its dots, a lam-alef) in a span whose
 * ActualText is the cluster's text; its glyphs' ToUnicode entries come from
 * the font's cmap, read backwards, which gives a dot glyph the letter of
 * some other word and a shared body the letter it was first found for.
 *
 * Here the glyphs with an advance (bases) carry the cluster's letters, one
 * unit each (a letter and the nonspacing marks after it), the last one the
 * rest; the glyphs without (marks: dots, vowel marks, a repha drawn above)
 * carry the cluster's nonspacing marks (Mn) one each, or a zero-width
 * non-joiner, which readers skip. Readers join glyph texts in drawing
 * order, and in right-to-left text then reverse the run: so there the text
 * is split reversed, and the marks, whose text must follow their letter
 * once reversed, are drawn first.
 */

export interface ClusterGlyph {
  /** Its advance width, in the font's units. */
  width: number;
}

export interface ClusterText {
  /** The text each glyph stands for, by the glyph's index. */
  texts: string[];
  /** Indexes of the glyphs with an advance, in the order to draw them. */
  bases: number[];
  /** Indexes of the glyphs without, in the order to draw them (before the bases in right-to-left text, after otherwise). */
  marks: number[];
}

export const ZWNJ = '\u200C';

const NONSPACING = /^\p{Mn}$/u;

/** Letters with the nonspacing marks that follow them; marks at the start stand alone. */
function units(text: string): string[] {
  const found: string[] = [];
  for (const char of text) {
    const last = found.length - 1;
    if (NONSPACING.test(char) && last >= 0) found[last] += char;
    else found.push(char);
  }
  return found;
}

export interface ClusterOptions {
  /** Whether the cluster is in a right-to-left run (drawn in reverse). */
  rtl: boolean;
  /** Whether marks carry the nonspacing marks of the text (default), or the bases carry all of it. */
  marksCarry?: boolean;
}

/** Splits a cluster's text (in logical order) over its glyphs (in drawing order). */
export function clusterText(glyphs: ClusterGlyph[], text: string, options: ClusterOptions): ClusterText {
  const { rtl, marksCarry = true } = options;
  const indexes = glyphs.map((_, index) => index);
  let bases = indexes.filter((index) => (glyphs[index]?.width ?? 0) > 0);
  let marks = indexes.filter((index) => (glyphs[index]?.width ?? 0) <= 0);
  if (bases.length === 0) [bases, marks] = [marks.slice(0, 1), marks.slice(1)];
  const texts = glyphs.map(() => ZWNJ);
  // A soft hyphen is no letter: a reader's search skips the text it is in (pdf.js takes a glyph whose text ends with one for an invisible mark).
  const chars = [...text.replace(/\u00AD/g, '')];
  const nonspacing = chars.filter((char) => NONSPACING.test(char));
  const carry = marksCarry && marks.length > 0;
  const kept = carry ? chars.filter((char) => !NONSPACING.test(char)) : chars;
  if (carry) {
    const ordered = rtl ? [...nonspacing].reverse() : nonspacing;
    marks.forEach((glyph, index) => {
      const last = index === marks.length - 1;
      const part = last ? ordered.slice(index).join('') : (ordered[index] ?? '');
      if (part !== '') texts[glyph] = part;
    });
  }
  let parts = units(kept.join(''));
  if (rtl) parts = parts.reverse().map((part) => [...part].reverse().join(''));
  bases.forEach((glyph, index) => {
    const last = index === bases.length - 1;
    const part = last ? parts.slice(index).join('') : (parts[index] ?? '');
    if (part !== '') texts[glyph] = part;
  });
  return { texts, bases, marks };
}
