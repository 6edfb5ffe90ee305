import { fitCentred } from './geometry.ts';
import type { Rect, Size } from './geometry.ts';
import type { Slot, Turn } from './plan.ts';

/**
 * Fills one slot: the page at `position` of the padded reading order, scaled
 * to fit `cell` and centred in it, turned by `turn`. Turning by 180° keeps the
 * page's box where it is, so the fit does not depend on the turn.
 */
export function makeSlot(
  position: number,
  order: readonly (number | null)[],
  pageSizes: readonly Size[],
  cell: Rect,
  turn: Turn,
): Slot {
  const page = order[position - 1];
  if (page === undefined) throw new RangeError(`position ${position} is outside the padded order`);
  if (page === null) return { position, page, cell, turn, scale: 1, box: { ...cell } };
  const size = pageSizes[page];
  if (size === undefined) throw new RangeError(`page ${page} has no size`);
  const { scale, box } = fitCentred(size, cell);
  return { position, page, cell, turn, scale, box };
}
