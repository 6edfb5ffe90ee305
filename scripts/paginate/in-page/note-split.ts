/**
 * Pure decisions for continuing a note on the next page, kept apart from the
 * DOM so they are tested without a browser.
 */

/**
 * The first index in [0, length) for which `below(i)` holds, given that it
 * holds for every index after the first one that does (letters of a text run
 * down its lines in order); `length` when none does. `below` may answer
 * `undefined` for a letter that has no box (collapsed white space): the
 * search then looks at the next letter that has one.
 */
export function firstBelow(length: number, below: (index: number) => boolean | undefined): number {
  const at = (index: number): boolean => {
    for (let i = index; i < length; i += 1) {
      const answer = below(i);
      if (answer !== undefined) return answer;
    }
    return true;
  };
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (at(middle)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * How tall the notes carried onto a page may be: all of them up to half the
 * page, so that every page keeps at least half its height for the text and
 * the text always moves on; what is left over goes on to the next page.
 */
export function carriedHeight(notesHeight: number, pageAreaHeight: number): number {
  return Math.min(notesHeight, Math.floor(pageAreaHeight / 2));
}

/**
 * The start of the word that holds `offset` in `text`: a note is cut between
 * words or at a soft hyphen, never inside a syllable (the letters around a
 * soft hyphen that broke a line do not always report the line they are on).
 */
export function wordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && !/[\s\u00ad]/.test(text.charAt(start - 1))) start -= 1;
  return start;
}

/**
 * From which of a paragraph's `lines` on the page (0-based) to move text over
 * when the line `index` must go: no line left alone at the foot (an orphan)
 * nor carried alone to the next page's top (a widow). `continues` says the
 * paragraph goes on past this page anyway, so its last line here is no widow.
 */
export function movedFrom(index: number, lines: number, continues: boolean): number {
  let cut = index;
  if (!continues && cut === lines - 1 && cut > 0) cut -= 1;
  if (cut === 1) cut = 0;
  return cut;
}

/** A line of text on a page, as the fitting of its notes sees it. */
export interface PageLine {
  top: number;
  bottom: number;
  /**
   * How far below the top of the notes the head (first two lines) of the last note called
   * on this line ends: 0 when the line calls none, Infinity when the note is
   * not on the page.
   */
  reach: number;
  /** The same for the first line of the note alone, and for the whole note. */
  reachOne: number;
  end: number;
  /** The line's index among its block's lines on the page, and how many those are. */
  index: number;
  count: number;
  /** The block goes on past this page anyway (it was split at its foot). */
  continues: boolean;
  /** The block is a heading, kept with the lines after it. */
  heading: boolean;
}

export interface FitOptions {
  /** The foot of the page: the notes end above it. */
  foot: number;
  /** Space from the top of the notes area to the top of the first note (margin, rule, padding). */
  frame: number;
  /** Height the notes carried from the earlier page keep whatever the text: see `carriedHeight`. */
  carried: number;
}

/**
 * How many of the page's lines keep their notes on the page: every note
 * called on them begins there (all but the last whole, the last with at least
 * its first two lines). Lines and notes only grow down the page, so the lines that
 * fit are the ones before the first that does not.
 */
export function linesThatFit(lines: readonly PageLine[], options: FitOptions): number {
  let reach = options.carried;
  let kept = 0;
  for (const line of lines) {
    reach = Math.max(reach, line.reach);
    const bottom = line.bottom + (reach > 0 ? options.frame + reach : 0);
    if (bottom > options.foot + 0.5) break;
    kept += 1;
  }
  return kept;
}

/**
 * How many lines stay on the page when `fit` of them keep their notes: no line
 * of a paragraph alone at the foot or carried alone overleaf (`movedFrom`), no
 * heading left at the foot without its next lines. `rest` is how many lines
 * of the page's last paragraph the next page would begin with when all the
 * lines stay: one alone there, or one alone at this page's foot, sends a line
 * more over. At least one line stays, so that the text moves on.
 */
export function linesKept(lines: readonly PageLine[], fit: number, rest = 0): number {
  const last = lines.at(-1);
  let first = fit;
  if (fit >= lines.length) {
    if (!last?.continues || (last.count > 1 && rest !== 1)) return lines.length;
    first = lines.length - 1;
  }
  const line = lines[first];
  if (!line) return lines.length;
  let kept = first - (line.index - movedFrom(line.index, line.count, line.continues));
  while (kept > 0 && lines[kept - 1]?.heading === true) kept -= 1;
  if (kept > 0) return kept;
  return fit >= lines.length ? lines.length : Math.max(fit, 1);
}
