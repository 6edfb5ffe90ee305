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
