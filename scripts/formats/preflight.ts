import type { LayoutReport } from '../paginate/layout-report.ts';
import { nearSheetEdges, type Placement } from './sheet-edges.ts';

/**
 * The photocopy preflight's findings as warnings, one line each: at the
 * block's `file:line:col` when the finding is in the text, else at its page.
 * A zine is copied more often than printed, so these never stop the build.
 */
export function preflightWarnings(source: string, findings: LayoutReport['preflight']): string[] {
  return findings.map(({ source: place, page, detail }) =>
    place === undefined ? `${source}: page ${page}: photocopy: ${detail}` : `${source}:${place}: photocopy: ${detail} (page ${page})`,
  );
}

export interface SheetEdgeOptions {
  /** The source file, for `file:line:col`. */
  source: string;
  /** The printed file, as the warning names it: `booklet.pdf`. */
  file: string;
  /** Where each page of the layout lands (sheet-edges.ts). */
  placements: readonly Placement[];
  insets: LayoutReport['insets'];
}

/** Text or images within 0.25 in of a printed sheet's edge, one warning per block (or page), at its nearest. */
export function sheetEdgeWarnings(options: SheetEdgeOptions): string[] {
  const nearest = new Map<string, ReturnType<typeof nearSheetEdges>[number]>();
  for (const found of nearSheetEdges(options.placements, options.insets)) {
    const key = found.source ?? `page ${found.page}`;
    if ((nearest.get(key)?.distance ?? Infinity) > found.distance) nearest.set(key, found);
  }
  return [...nearest.values()].map(({ source: place, page, side, edge, distance }) => {
    const detail = `${(distance / 72).toFixed(2)} in from the ${edge} edge of side ${side} of ${options.file}; an office printer may not reach within 0.25 in`;
    return place === undefined ? `${options.source}: page ${page}: photocopy: ${detail}` : `${options.source}:${place}: photocopy: ${detail} (page ${page})`;
  });
}
