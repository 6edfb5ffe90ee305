/**
 * Where each page's thumbnail lands on a thumbnail of an imposed sheet side.
 * A booklet side holds the reading edition's pages side by side, unscaled: at
 * the gallery's widths (a page 150 px, a side 300 px) every page falls on the
 * side at the very scale its own thumbnail was drawn, at a whole pixel; so do
 * the four cards of a letter slips side (a card 153 px, a side 306 px). Then
 * the side's thumbnail is those page thumbnails, copied, with the side's
 * marks stroked over them, without drawing every page twice. A booklet
 * sheet's creep moves its pages less than half a pixel there: each is placed
 * at the nearest whole pixel. A page turned upside down (a mini zine's top
 * row, a long-edge back side) is its thumbnail turned: a half-turn moves no
 * pixel off the grid. A plan where that does not hold (a page turned a
 * quarter-turn or scaled, a page off the pixel grid: an A6 card on A4) gives
 * no placements, and the side is drawn from its PDF.
 */
import { LINE_STYLES, type Line } from '../impose/marks.ts';
import type { Plan } from '../impose/plan.ts';
import type { Composition } from './draw-tab.ts';

/** One page thumbnail on a side thumbnail: which page (0-based), its top-left corner in pixels, and its turn. */
export interface Placement {
  page: number;
  x: number;
  y: number;
  turn: 0 | 180;
}

/** The size in pixels of a page's thumbnail. */
export interface PageThumbnail {
  width: number;
  height: number;
}

/** How far from a whole pixel, or from the same scale, still counts as the same (floating point only). */
const EPSILON = 1e-6;

/**
 * The placements of every side of `plan` (in output page order) drawn
 * `sideWidth` pixels wide, from the pages' thumbnails; undefined when a side
 * is not exactly its pages' thumbnails.
 */
export function sidePlacements(plan: Plan, thumbnails: readonly PageThumbnail[], sideWidth: number): Placement[][] | undefined {
  const sideScale = sideWidth / plan.sheet.width;
  const sides: Placement[][] = [];
  for (const sheet of plan.sheets) {
    // Pixels the sheet's creep moved its pages: under half a pixel, a page keeps to its nearest pixel.
    const crept = (sheet.creep ?? 0) * sideScale;
    const allowance = crept < 0.5 ? crept + EPSILON : EPSILON;
    const whole = (value: number, off = EPSILON) => Math.abs(value - Math.round(value)) <= off;
    for (const side of sheet.sides) {
      const placements: Placement[] = [];
      for (const slot of side.slots) {
        if (slot.page === null) continue;
        const thumbnail = thumbnails[slot.page];
        if (thumbnail === undefined || (slot.turn !== 0 && slot.turn !== 180)) return undefined;
        // The page's own thumbnail scale, and the scale it has on the side.
        const pageScale = thumbnail.width / (slot.box.width / slot.scale);
        if (Math.abs(slot.scale * sideScale - pageScale) > EPSILON) return undefined;
        const x = slot.box.x * sideScale;
        const y = (plan.sheet.height - slot.box.y - slot.box.height) * sideScale;
        if (!whole(x, allowance) || !whole(y)) return undefined;
        // The page's thumbnail covers its box on the side, to the pixel.
        if (thumbnail.width !== Math.round(slot.box.width * sideScale) || thumbnail.height !== Math.round(slot.box.height * sideScale)) return undefined;
        placements.push({ page: slot.page, x: Math.round(x), y: Math.round(y), turn: slot.turn });
      }
      sides.push(placements);
    }
  }
  return sides;
}

/**
 * A mark of a side (in points, from the bottom-left corner) as a line on its
 * thumbnail (in pixels, from the top-left), `scale` pixels a point. A line
 * thinner than a pixel is stroked a pixel wide, as pdf.js strokes it.
 */
export function markInPixels(line: Line, sheetHeight: number, scale: number): Composition['lines'][number] {
  const { grey, width, dash } = LINE_STYLES[line.style];
  const at = ({ x, y }: { x: number; y: number }) => ({ x: x * scale, y: (sheetHeight - y) * scale });
  return { from: at(line.from), to: at(line.to), grey, width: Math.max(1, width * scale), dash: dash.map((length) => length * scale) };
}
