/**
 * The 8-page mini zine: one sheet, one side, 4 columns × 2 rows of cells, each
 * a quarter of a half-sheet. The standard layout (pdfimpose, zine templates):
 *
 *   ┌────┬────┬────┬────┐
 *   │ 5  │ 4  │ 3  │ 2  │   top row turned 180°
 *   ├────┼────┼────┼────┤   (cut along the middle of this line)
 *   │ 6  │ 7  │ 8  │ 1  │   bottom row upright
 *   └────┴────┴────┴────┘
 *
 * 1 is the front cover (bottom right), 8 the back cover beside it.
 *
 * Bound on the right (a right-to-left zine), the rows run the other way:
 * top row 2 3 4 5 turned, bottom row 1 8 7 6, the front cover bottom left.
 */
import { ContentError } from '../util/errors.ts';
import type { Rect, Size } from './geometry.ts';
import { miniMarks } from './marks.ts';
import { paddedOrder } from './padding.ts';
import { sheetSize } from './paper.ts';
import type { Plan, ResolvedOptions, Slot } from './plan.ts';
import { makeSlot } from './slot.ts';

export const MINI_PAGES = 8;
const TOP_ROW = [5, 4, 3, 2];
const BOTTOM_ROW = [6, 7, 8, 1];

export function planMini(pageSizes: readonly Size[], options: ResolvedOptions): Plan {
  const pageCount = pageSizes.length;
  if (pageCount > MINI_PAGES) {
    throw new ContentError(
      `the PDF has ${pageCount} pages but a mini zine holds ${MINI_PAGES}: use --layout booklet`,
    );
  }
  const sheet = sheetSize(options.paper);
  const order = paddedOrder(pageCount, MINI_PAGES, options.keepLast);

  const cellWidth = sheet.width / 4;
  const cellHeight = sheet.height / 2;
  // Written for a left binding; a right binding mirrors the columns.
  const cell = (column: number, row: 'top' | 'bottom'): Rect => ({
    x: (options.binding === 'left' ? column : 3 - column) * cellWidth,
    y: row === 'top' ? cellHeight : 0,
    width: cellWidth,
    height: cellHeight,
  });

  const row = (positions: number[], name: 'top' | 'bottom', turn: 0 | 180) =>
    positions
      .map((position, column) => makeSlot(position, order, pageSizes, cell(column, name), turn))
      .sort((a, b) => a.cell.x - b.cell.x);
  const slots: Slot[] = [...row(TOP_ROW, 'top', 180), ...row(BOTTOM_ROW, 'bottom', 0)];
  return {
    options,
    sheet,
    pageCount,
    paddedCount: MINI_PAGES,
    sheets: [{ sides: [{ name: 'front', slots, marks: miniMarks(sheet) }] }],
  };
}
