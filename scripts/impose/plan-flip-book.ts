/**
 * The flip-book (tête-bêche): two texts in one saddle-stitched booklet, one
 * read from each cover. The first text's pages come first, from the front
 * cover on; the second's come last in reverse order, so that its cover is the
 * back cover and its page 2 the inside of the back cover. Blanks go in the
 * middle, where the two texts meet: each text is first made a whole number of
 * leaves (an even count), so that no leaf carries a page of each, then the
 * whole a multiple of 4.
 *
 *   first text 1..5, second a..c:   1 2 3 4 5 _ _ _ _ c b a   (12 positions, 3 sheets)
 *
 * the second's cover (a) at position 12, the back cover; 6 is the back of the
 * first's page 5, 9 the back of the second's page c.
 *
 * Turned over, a booklet shows its spine on the other edge. Two texts of one
 * direction both need the spine on the same edge seen from their covers, so
 * the second is printed upside down: the booklet is turned over top to bottom
 * and the spine stays where it was. A left-to-right text and a right-to-left
 * one need opposite edges, which is what turning the booklet over side to
 * side gives: the second text is printed upright, read from the back cover
 * with the spine on the other edge (docs/imposition.md, The flip-book).
 */
import type { Size } from './geometry.ts';
import { roundUp } from './padding.ts';
import { planBooklet } from './plan-booklet.ts';
import { resolveOptions } from './plan.ts';
import type { ImposeOptions, Plan } from './plan.ts';

export interface FlipBookOptions extends Omit<ImposeOptions, 'layout' | 'keepLast'> {
  /** Print the second text upside down: its direction is the first's. Default: true. */
  turnSecond?: boolean | undefined;
}

/** Where the two texts lie: pages 0..first−1 are the first text's, first..first+second−1 the second's, in its own reading order. */
export interface FlipBookHalves {
  first: number;
  second: number;
  /** The second text is printed upside down. */
  turned: boolean;
}

/**
 * For each position 1..N (index 0 holds position 1), the page printed there
 * in the two texts' joined page list (the first's pages, then the second's),
 * or null for a blank.
 */
export function flipBookOrder(first: number, second: number): (number | null)[] {
  const count = roundUp(roundUp(first, 2) + roundUp(second, 2), 4);
  return Array.from({ length: count }, (_, index) => {
    if (index < first) return index;
    const fromBack = count - 1 - index;
    return fromBack < second ? first + fromBack : null;
  });
}

/** Plans the flip-book of two texts, each given by its pages' visible sizes in its own reading order. `binding` is the spine's edge seen from the first text's cover. */
export function planFlipBook(first: readonly Size[], second: readonly Size[], options: FlipBookOptions = {}): Plan & { halves: FlipBookHalves } {
  const { turnSecond = true, ...rest } = options;
  if (first.length === 0 || second.length === 0) throw new RangeError('a flip-book needs pages of both texts');
  const resolved = resolveOptions({ ...rest, layout: 'booklet' });
  const order = flipBookOrder(first.length, second.length);
  const plan = planBooklet([...first, ...second], resolved, { order, turned: (page) => turnSecond && page >= first.length });
  return { ...plan, halves: { first: first.length, second: second.length, turned: turnSecond } };
}
