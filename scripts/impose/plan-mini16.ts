/**
 * The 16-page one-sheet zine: the mini zine's 4 × 2 cells on both sides of one
 * sheet. Cut across and down the middle, the sheet makes four pieces of two
 * cells a side; nested in order and folded once down the middle, they are a
 * booklet of 16 small pages, stapled on the fold.
 *
 * Each piece is a booklet sheet of its own: piece k (0, the outermost, is the
 * top left; then top right, bottom left, bottom right) carries the booklet
 * sheet k's pages of a 16-page booklet, front [16−2k | 1+2k], back
 * [2+2k | 15−2k]. The back of the sheet is printed for a flip on the short
 * edge, so a piece's back lies behind it in the other half of the row:
 *
 *   front  ┌────┬────┬────┬────┐      back  ┌────┬────┬────┬────┐
 *          │ 16 │  1 │ 14 │  3 │            │  4 │ 13 │  2 │ 15 │
 *          ├────┼────┼────┼────┤            ├────┼────┼────┼────┤
 *          │ 12 │  5 │ 10 │  7 │            │  8 │  9 │  6 │ 11 │
 *          └────┴────┴────┴────┘            └────┴────┴────┴────┘
 *
 * For a flip on the long edge the back side is turned 180°; bound on the
 * right, every piece's two cells swap, as in the booklet.
 */
import { ContentError } from '../util/errors.ts';
import type { Rect, Size } from './geometry.ts';
import { mini16Marks } from './marks.ts';
import { paddedOrder } from './padding.ts';
import { sheetSize } from './paper.ts';
import type { Plan, ResolvedOptions, Side, Slot, Turn } from './plan.ts';
import { makeSlot } from './slot.ts';

export const MINI16_PAGES = 16;

/** The quadrant of each piece, outermost first: [first column, row]. */
const PIECES: readonly [number, 'top' | 'bottom'][] = [
  [0, 'top'],
  [2, 'top'],
  [0, 'bottom'],
  [2, 'bottom'],
];

export function planMini16(pageSizes: readonly Size[], options: ResolvedOptions): Plan {
  const pageCount = pageSizes.length;
  if (pageCount > MINI16_PAGES) {
    throw new ContentError(`the PDF has ${pageCount} pages but a 16-page zine holds ${MINI16_PAGES}: use --layout booklet`);
  }
  const sheet = sheetSize(options.paper);
  const order = paddedOrder(pageCount, MINI16_PAGES, options.keepLast);
  const width = sheet.width / 4;
  const height = sheet.height / 2;
  const cell = (column: number, row: 'top' | 'bottom'): Rect => ({ x: column * width, y: row === 'top' ? height : 0, width, height });
  const turned = (rect: Rect): Rect => ({ ...rect, x: sheet.width - rect.x - width, y: sheet.height - rect.y - height });
  const long = options.duplex === 'long';
  const slot = (position: number, rect: Rect, turn: Turn) => makeSlot(position, order, pageSizes, rect, turn);
  const byPlace = (a: Slot, b: Slot) => b.cell.y - a.cell.y || a.cell.x - b.cell.x;

  const front: Slot[] = [];
  const back: Slot[] = [];
  PIECES.forEach(([column, row], k) => {
    const n = MINI16_PAGES;
    // Written for a left binding: the outer page on the left cell of the front, the inner on the right.
    const [outer, inner] = [cell(column, row), cell(column + 1, row)];
    const [frontLeft, frontRight] = options.binding === 'left' ? [n - 2 * k, 1 + 2 * k] : [1 + 2 * k, n - 2 * k];
    front.push(slot(frontLeft, outer, 0), slot(frontRight, inner, 0));
    // The back of the piece lies behind it, in the other half of the same row, its cells mirrored.
    const [behindInner, behindOuter] = [cell(3 - column - 1, row), cell(3 - column, row)];
    const [backLeft, backRight] = options.binding === 'left' ? [2 + 2 * k, n - 1 - 2 * k] : [n - 1 - 2 * k, 2 + 2 * k];
    for (const [position, rect] of [[backLeft, behindInner], [backRight, behindOuter]] as const) {
      back.push(long ? slot(position, turned(rect), 180) : slot(position, rect, 0));
    }
  });
  const sides: Side[] = [
    { name: 'front', slots: front.sort(byPlace), marks: mini16Marks(sheet) },
    { name: 'back', slots: back.sort(byPlace), marks: [] },
  ];
  return { options, sheet, pageCount, paddedCount: MINI16_PAGES, sheets: [{ sides }] };
}
