/**
 * Where a page's text and images land on the printed sheet, and which come
 * within 0.25 in of its edge, where an office printer may not reach. The
 * layout measures how near each page's edges its content comes (the layout
 * report's `insets`); the imposition plan says where each page lands, how
 * scaled and how turned. Pure: plan and insets in, findings out.
 */
import type { Rect, Size } from '../impose/geometry.ts';
import { allSides, type Plan, type Turn } from '../impose/plan.ts';
import type { LayoutReport } from '../paginate/layout-report.ts';

/** How near a sheet's edge an office printer reaches: 0.25 in, in points. */
export const PRINTER_REACH = 18;

type Edge = 'top' | 'right' | 'bottom' | 'left';
const EDGES: readonly Edge[] = ['top', 'right', 'bottom', 'left'];

/** One page as it is printed: on which side of the whole print run, where, how large, how turned. */
export interface Placement {
  /** 1-based page of the layout. */
  page: number;
  /** 1-based side of the printed file (a PDF page). */
  side: number;
  sheet: Size;
  /** The page's box on the sheet (points, y up). */
  box: Rect;
  turn: Turn;
  scale: number;
}

export interface NearEdge {
  page: number;
  side: number;
  /** The sheet's edge it comes near. */
  edge: Edge;
  /** Points from that edge. */
  distance: number;
  /** `line:column` of the block that comes nearest, when known. */
  source?: string;
}

/** Every page of a plan where it lands. */
export function placementsOf(plan: Plan): Placement[] {
  return allSides(plan).flatMap((side, index) =>
    side.slots.flatMap((slot) => (slot.page === null ? [] : [{ page: slot.page + 1, side: index + 1, sheet: plan.sheet, box: slot.box, turn: slot.turn, scale: slot.scale }])),
  );
}

/** Each page printed alone on paper of its own size (the reading edition as it is). */
export function printedAlone(pageCount: number, size: Size): Placement[] {
  return Array.from({ length: pageCount }, (_, index) => ({ page: index + 1, side: index + 1, sheet: size, box: { x: 0, y: 0, ...size }, turn: 0, scale: 1 }));
}

/** The sheet edge a page edge faces once the page is turned. */
const facing = (edge: Edge, turn: Turn): Edge => (turn === 0 ? edge : (EDGES[(EDGES.indexOf(edge) + 2) % 4] as Edge));

/** How far the page's box is from each edge of its sheet. */
function boxGaps({ box, sheet }: Placement): Record<Edge, number> {
  return { top: sheet.height - box.y - box.height, right: sheet.width - box.x - box.width, bottom: box.y, left: box.x };
}

/** The pages whose content comes within PRINTER_REACH of a sheet's edge, nearest first within each page. */
export function nearSheetEdges(placements: readonly Placement[], insets: LayoutReport['insets']): NearEdge[] {
  const byPage = new Map(insets.map((one) => [one.page, one.sides]));
  const found: NearEdge[] = [];
  for (const placement of placements) {
    const sides = byPage.get(placement.page);
    if (sides === undefined) continue;
    const gaps = boxGaps(placement);
    for (const edge of EDGES) {
      const inset = sides[edge];
      if (inset === undefined) continue;
      const sheetEdge = facing(edge, placement.turn);
      const distance = Math.round((gaps[sheetEdge] + inset.gap * placement.scale) * 100) / 100;
      if (distance >= PRINTER_REACH) continue;
      found.push({ page: placement.page, side: placement.side, edge: sheetEdge, distance, ...(inset.source === undefined ? {} : { source: inset.source }) });
    }
  }
  return found;
}
