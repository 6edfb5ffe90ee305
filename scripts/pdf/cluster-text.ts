/**
 * Which text each glyph of a cluster stands for, and in which order to draw
 * them, so that a reader that takes text glyph by glyph (pdf.js, as Firefox
 * uses; poppler outside an ActualText span) puts the cluster's letters back
 * in their order.
 *
 * Chromium writes a cluster of a complex script (a Devanagari syllable, an
 * Arabic letter built from a body and its dots, a lam-alef) in a span whose
 * ActualText is the cluster's text; its glyphs' ToUnicode entries come from
 * the font's cmap, read backwards, which gives a dot glyph the letter of
 * some other word and a shared body the letter it was first found for.
 *
 * Here the glyphs with an advance (bases) carry the cluster's letters, in
 * drawing order; the glyphs without (dots, vowel marks, a repha drawn above)
 * read as nothing and are drawn apart. A nonspacing mark (Mn: virama, vowel
 * signs above, harakat) is read from an unseen zero-width copy drawn between
 * the letters: pdf.js takes a glyph whose text holds one for a zero-width
 * mark, so a base reading as one would leave a gap read as a space. A
 * letter with its marks but no base of its own (a conjunct's first half, a
 * repha) is read from unseen copies after the base that draws it (before
 * it, right to left).
 * Readers join glyph texts in drawing order, and in right-to-left text then
 * reverse the run: there the text is laid out reversed.
 */

export interface ClusterGlyph {
  /** Its advance width, in the font's units. */
  width: number;
}

export interface Draw {
  /** The glyph drawn (for an unseen copy: the glyph copied). */
  glyph: number;
  text: string;
  /** An unseen, zero-width copy, drawn where the next base starts (or the last one ends). */
  unseen: boolean;
}

export interface ClusterDraws {
  /** What to draw in order: the bases and the unseen copies. */
  draws: Draw[];
  /** The glyphs without an advance, which read as nothing, to draw apart. */
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

const reversed = (text: string): string => [...text].reverse().join('');

/** Lays a cluster's text (in logical order) over its glyphs (in drawing order). */
export function clusterDraws(glyphs: ClusterGlyph[], text: string, options: { rtl: boolean }): ClusterDraws {
  const indexes = glyphs.map((_, index) => index);
  let bases = indexes.filter((index) => (glyphs[index]?.width ?? 0) > 0);
  let marks = indexes.filter((index) => (glyphs[index]?.width ?? 0) <= 0);
  if (bases.length === 0) [bases, marks] = [marks.slice(0, 1), marks.slice(1)];
  // A soft hyphen is no letter: pdf.js takes a glyph whose text ends with one for an invisible mark.
  let parts = units(text.replace(/\u00AD/g, ''));
  if (options.rtl) parts = parts.reverse();
  const copied = marks[0] ?? bases[0] ?? 0;
  const draws: Draw[] = [];
  const unseen = (part: string): void => {
    if (part !== '') draws.push({ glyph: copied, text: options.rtl ? reversed(part) : part, unseen: true });
  };
  let base = 0;
  let pending = '';
  parts.forEach((part, index) => {
    const [letter = '', ...rest] = [...part];
    const tail = rest.join('');
    const unitsLeft = parts.length - index;
    const basesLeft = bases.length - base;
    if (basesLeft === 0) {
      // Left to right, what no base is left for follows the last one, unseen: pdf.js reads a run that
      // starts with an unseen mark as two.
      unseen(part);
      return;
    }
    // Right to left, letters with no base of their own join the next base's text (a lam-alef reads "ال",
    // reversed like its run) where only bare letters are left; anything else follows the last base, unseen.
    const bare = parts.slice(index).every((one) => [...one].length === 1 && !NONSPACING.test(one));
    if (options.rtl && unitsLeft > basesLeft && bare) {
      if (tail !== '' || NONSPACING.test(letter)) unseen(part);
      else pending += letter;
      return;
    }
    const glyph = bases[base] ?? 0;
    base += 1;
    const letters = pending + letter;
    if (NONSPACING.test(letter) || (pending !== '' && tail !== '')) {
      // A mark with no letter before it, or letters held back before a letter with marks: the base reads
      // as the letters held back, if any, the rest is unseen.
      if (pending !== '') draws.push({ glyph, text: pending, unseen: false });
      unseen(part);
      if (pending === '') draws.push({ glyph, text: ZWNJ, unseen: false });
      pending = '';
      return;
    }
    pending = '';
    if (options.rtl) unseen(tail);
    draws.push({ glyph, text: letters, unseen: false });
    if (!options.rtl) unseen(tail);
  });
  // Bases left over (the second part of a two-part vowel sign, Bengali ো, Tamil ொ: its text went to the first)
  // read as nothing, drawn apart like the marks: read inside the word, a U+200C stayed in poppler's and MuPDF's text.
  return { draws, marks: [...marks, ...bases.slice(base)] };
}
