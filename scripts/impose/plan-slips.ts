/**
 * Card slips: a card of two pages (front, back) four to a sheet, for handing
 * out at a table. The sheet is portrait (letter, or A4 for A6 cards), cut into
 * a 2 × 2 grid:
 *
 *   side 1 (fronts)      side 2 (backs)
 *   ┌────┬────┐          ┌────┬────┐
 *   │ F  │ F  │          │ B  │ B  │
 *   ├────┼────┤          ├────┼────┤
 *   │ F  │ F  │          │ B  │ B  │
 *   └────┴────┘          └────┴────┘
 *
 * The grid is symmetric about both centre lines, so each back lands behind a
 * front whichever edge the printer flips on. Crop marks show where to cut.
 */
import { ContentError } from '../util/errors.ts';
import type { Rect, Size } from './geometry.ts';
import { slipMarks } from './marks.ts';
import { sheetSize } from './paper.ts';
import type { Plan, ResolvedOptions, Slot } from './plan.ts';
import { makeSlot } from './slot.ts';

export const SLIP_PAGES = 2;

export function planSlips(pageSizes: readonly Size[], options: ResolvedOptions): Plan {
  const pageCount = pageSizes.length;
  if (pageCount > SLIP_PAGES) {
    throw new ContentError(`the PDF has ${pageCount} pages but a card slip has ${SLIP_PAGES}: its front and its back`);
  }
  const landscape = sheetSize(options.paper);
  const sheet: Size = { width: landscape.height, height: landscape.width };
  const order = [0, pageCount === SLIP_PAGES ? 1 : null];
  const cells: Rect[] = [
    [0, 1],
    [1, 1],
    [0, 0],
    [1, 0],
  ].map(([column, row]) => ({
    x: (column ?? 0) * (sheet.width / 2),
    y: (row ?? 0) * (sheet.height / 2),
    width: sheet.width / 2,
    height: sheet.height / 2,
  }));
  const side = (position: number): Slot[] => cells.map((cell) => makeSlot(position, order, pageSizes, cell, 0));
  const marks = slipMarks(sheet);
  return {
    options,
    sheet,
    pageCount,
    paddedCount: SLIP_PAGES,
    sheets: [
      {
        sides: [
          { name: 'front', slots: side(1), marks },
          { name: 'back', slots: side(2), marks },
        ],
      },
    ],
  };
}
