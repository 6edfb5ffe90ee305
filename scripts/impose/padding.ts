import { ContentError } from '../util/errors.ts';

/**
 * The padded reading order: for each position 1..paddedCount (index 0 holds
 * position 1), the 0-based source page printed there, or null for a blank.
 *
 * Blanks go after the last page, or, with keepLast = K, before the last K
 * pages, so that the back matter (colophon, back cover) stays at the very end
 * whatever the padding.
 *
 *   5 pages padded to 8, keepLast 0:  1 2 3 4 5 _ _ _
 *   5 pages padded to 8, keepLast 1:  1 2 3 4 _ _ _ 5
 */
export function paddedOrder(pageCount: number, paddedCount: number, keepLast: number): (number | null)[] {
  if (keepLast > pageCount) {
    throw new ContentError(
      `--keep-last ${keepLast} asks for more pages than the ${pageCount} the PDF has`,
    );
  }
  const blanks = paddedCount - pageCount;
  const body = pageCount - keepLast;
  return Array.from({ length: paddedCount }, (_, index) => {
    if (index < body) return index;
    if (index < body + blanks) return null;
    return index - blanks;
  });
}

/** The smallest multiple of `step` that holds `count` (at least one step). */
export function roundUp(count: number, step: number): number {
  return Math.max(step, Math.ceil(count / step) * step);
}
