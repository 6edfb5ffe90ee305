/**
 * The lines printed to help fold and cut, as plain data: the plan carries
 * them, the writer draws them over the pages.
 *
 * They hold no text, so the printers' unprintable border (about 0.25 in) only
 * shortens them; nothing the reader needs is lost if it does.
 */
import type { Point, Size } from './geometry.ts';

export type LineStyle = 'tick' | 'fold' | 'cut' | 'crop' | 'collation';

export interface Line {
  from: Point;
  to: Point;
  style: LineStyle;
}

/** How each style is stroked: grey level (0 black, 1 white), width in pt, dash pattern. */
export const LINE_STYLES: Record<LineStyle, { grey: number; width: number; dash: number[] }> = {
  /** Booklet spine ticks: short, thin, solid. */
  tick: { grey: 0.4, width: 0.5, dash: [] },
  /** Mini fold lines: faint and dashed. */
  fold: { grey: 0.75, width: 0.5, dash: [4, 4] },
  /** Mini cut line: solid and darker than the folds. */
  cut: { grey: 0.35, width: 0.75, dash: [] },
  /** Slip crop marks: short, black, hairline-thin. */
  crop: { grey: 0, width: 0.4, dash: [] },
  /** A signature's collation bar on its spine: black and 6 pt wide, to show on the back of the gathered signatures. */
  collation: { grey: 0, width: 6, dash: [] },
};

/**
 * Booklet ticks run from 6 pt to 24 pt in from the top and bottom edges: in
 * the band where a page has its margin, not its content.
 */
export const TICK_INSET = 6;
export const TICK_LENGTH = 18;

/**
 * Booklet: a tick at each end of the spine (the vertical centre line) on the
 * front of the sheet, which is the outside of the fold, where the crease is
 * made.
 */
export function bookletMarks(sheet: Size): Line[] {
  const x = sheet.width / 2;
  const near = TICK_INSET;
  const far = TICK_INSET + TICK_LENGTH;
  return [
    { from: { x, y: sheet.height - near }, to: { x, y: sheet.height - far }, style: 'tick' },
    { from: { x, y: near }, to: { x, y: far }, style: 'tick' },
  ];
}

/**
 * Mini: dashed folds between all cells, edge to edge, except the middle half
 * of the horizontal centre line, which is the solid cut from ¼ to ¾ of the
 * width.
 */
export function miniMarks(sheet: Size): Line[] {
  const { width: w, height: h } = sheet;
  const vertical = (x: number): Line => ({ from: { x, y: 0 }, to: { x, y: h }, style: 'fold' });
  return [
    vertical(w / 4),
    vertical(w / 2),
    vertical((3 * w) / 4),
    { from: { x: 0, y: h / 2 }, to: { x: w / 4, y: h / 2 }, style: 'fold' },
    { from: { x: (3 * w) / 4, y: h / 2 }, to: { x: w, y: h / 2 }, style: 'fold' },
    { from: { x: w / 4, y: h / 2 }, to: { x: (3 * w) / 4, y: h / 2 }, style: 'cut' },
  ];
}

/**
 * The 16-page zine: solid cut lines across and down the middle of the sheet,
 * edge to edge, and a dashed fold down the middle of each piece (its spine).
 */
export function mini16Marks(sheet: Size): Line[] {
  const { width: w, height: h } = sheet;
  return [
    { from: { x: w / 4, y: 0 }, to: { x: w / 4, y: h }, style: 'fold' },
    { from: { x: (3 * w) / 4, y: 0 }, to: { x: (3 * w) / 4, y: h }, style: 'fold' },
    { from: { x: 0, y: h / 2 }, to: { x: w, y: h / 2 }, style: 'cut' },
    { from: { x: w / 2, y: 0 }, to: { x: w / 2, y: h }, style: 'cut' },
  ];
}

/**
 * Slips: crop marks on the two cut lines (the sheet's centre lines), from a
 * quarter inch in (where printers reach) to half an inch in, and a small cross
 * where the cuts meet. They fall in the gutter between the cards' margins.
 */
export function slipMarks(sheet: Size): Line[] {
  const { width: w, height: h } = sheet;
  const near = 18;
  const far = 36;
  const cross = 9;
  const cx = w / 2;
  const cy = h / 2;
  return [
    { from: { x: cx, y: h - near }, to: { x: cx, y: h - far }, style: 'crop' },
    { from: { x: cx, y: near }, to: { x: cx, y: far }, style: 'crop' },
    { from: { x: near, y: cy }, to: { x: far, y: cy }, style: 'crop' },
    { from: { x: w - near, y: cy }, to: { x: w - far, y: cy }, style: 'crop' },
    { from: { x: cx - cross, y: cy }, to: { x: cx + cross, y: cy }, style: 'crop' },
    { from: { x: cx, y: cy - cross }, to: { x: cx, y: cy + cross }, style: 'crop' },
  ];
}
