/**
 * Saddle stitch: sheets printed on both sides, two pages a side, stacked,
 * folded once down the middle and stapled along the fold.
 *
 * With N pages (padded to a multiple of 4), sheet k (from 0) carries, left to
 * right:
 *
 *   front  [ N−2k | 1+2k ]        e.g. 8 pages:  sheet 0  front [8|1]  back [2|7]
 *   back   [ 2+2k | N−1−2k ]                     sheet 1  front [6|3]  back [4|5]
 *
 * the order pdfjam, Bindery and pdfimpose produce. The back is laid out for a
 * printer that flips on the short edge; one that flips on the long edge turns
 * the back over the other way, so the whole back side is turned 180° for it.
 *
 * Bound on the right (a right-to-left zine), every side is the mirror image:
 * the front cover is on the outer sheet's left half, so that folded, the spine
 * is on the cover's right and the pages turn from left to right:
 *
 *   front  [ 1+2k | N−2k ]        e.g. 8 pages:  sheet 0  front [1|8]  back [7|2]
 *   back   [ N−1−2k | 2+2k ]                     sheet 1  front [3|6]  back [5|4]
 *
 * In signatures (signatures.ts), each signature is such a booklet of its own
 * run of positions, its sheets after the previous signature's; its outer
 * sheet's outside carries its collation mark. With creep, every page of a
 * signature's sheet k is moved toward the spine by that sheet's offset.
 */
import type { Rect, Size } from './geometry.ts';
import { bookletMarks } from './marks.ts';
import { paddedOrder, roundUp } from './padding.ts';
import { sheetSize } from './paper.ts';
import type { Plan, ResolvedOptions, Sheet, Side, Slot } from './plan.ts';
import { collationMark, creepOffsets, signatureRuns } from './signatures.ts';
import { makeSlot } from './slot.ts';

/**
 * A booklet of another reading order (the flip-book's, plan-flip-book.ts):
 * `order` gives the page at each position (a multiple of 4 of them), and the
 * pages `turned` says are printed turned 180° more.
 */
export interface BookletOrder {
  order: readonly (number | null)[];
  turned: (page: number) => boolean;
}

export function planBooklet(pageSizes: readonly Size[], options: ResolvedOptions, given?: BookletOrder): Plan {
  const sheet = sheetSize(options.paper);
  const pageCount = pageSizes.length;
  const paddedCount = given?.order.length ?? roundUp(pageCount, 4);
  const order = given?.order ?? paddedOrder(pageCount, paddedCount, options.keepLast);

  const half = sheet.width / 2;
  const left: Rect = { x: 0, y: 0, width: half, height: sheet.height };
  const right: Rect = { x: half, y: 0, width: half, height: sheet.height };
  // Creep moves a page toward the spine: the left half's to the right, the right half's to the left.
  const slot = (position: number, cell: Rect, sideTurn: 0 | 180, creep: number) => {
    const page = order[position - 1];
    const turn = page !== null && page !== undefined && given?.turned(page) === true ? ((sideTurn + 180) % 360 as 0 | 180) : sideTurn;
    const made = makeSlot(position, order, pageSizes, cell, turn);
    if (creep === 0) return made;
    return { ...made, box: { ...made.box, x: made.box.x + (cell.x < half ? creep : -creep) } };
  };

  // Written for a left binding; a right binding swaps the halves of every side.
  const [first, second] = options.binding === 'left' ? [left, right] : [right, left];
  const byX = (a: Slot, b: Slot) => a.cell.x - b.cell.x;

  // Each signature is a booklet of its own pages, its positions counted from `start`.
  const signatures = signatureRuns(paddedCount, options.signature);
  const sheets: Sheet[] = [];
  signatures.forEach(({ first: start, count }, signature) => {
    const offsets = creepOffsets(count / 4, options.creep);
    const at = (n: number) => start - 1 + n;
    for (let k = 0; k < count / 4; k++) {
      const creep = offsets[k] ?? 0;
      const marks = bookletMarks(sheet);
      if (signatures.length > 1 && k === 0) marks.push(collationMark(sheet, signature));
      const front: Side = {
        name: 'front',
        slots: [slot(at(count - 2 * k), first, 0, creep), slot(at(1 + 2 * k), second, 0, creep)].sort(byX),
        marks,
      };
      const back: Side = {
        name: 'back',
        slots: (options.duplex === 'short'
          ? [slot(at(2 + 2 * k), first, 0, creep), slot(at(count - 1 - 2 * k), second, 0, creep)]
          : [slot(at(count - 1 - 2 * k), first, 180, creep), slot(at(2 + 2 * k), second, 180, creep)]
        ).sort(byX),
        marks: [],
      };
      sheets.push({ sides: [front, back], fold: { signature, sheet: k }, creep });
    }
  });
  return { options, sheet, pageCount, paddedCount, sheets };
}
