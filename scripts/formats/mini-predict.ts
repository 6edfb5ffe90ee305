/**
 * What a mini zine layout at one type size says of a larger one: its running
 * text, measured as it was laid out (in-page/running-text.ts), grows at the
 * larger size by the ratio of the sizes r for its lines' height, and by r
 * again for its full lines, which hold fewer letters; a block's last line
 * stays one line, and images keep their size. A larger size predicted to
 * need more room than the pages leave, by PREDICTION_MARGIN, is not laid out.
 *
 * Checked on the essay, 11 fixtures and 12 translations of the Declaration,
 * each laid out at every size (docs/build-timeline.md): the prediction of the
 * next size up was at most 2.3% above the fill it then measured; the essay's
 * 8 pt is predicted 5.2% past its room (it measures 4.3% past it).
 */
import type { LayoutReport } from '../paginate/layout-report.ts';

/** How far past the room the predicted running text must come before a size is not laid out. */
export const PREDICTION_MARGIN = 0.04;

type Running = NonNullable<LayoutReport['runningText']>;

/** The running text's room at type size `to`, in pages, from its measure at `from`. */
export function predictedFill(running: Running, from: number, to: number): number {
  const r = to / from;
  // With no lines measured, only the lines' height is sure to grow.
  const grows = running.lines === 0 ? r : (r * ((running.lines - running.ends) * r + running.ends)) / running.lines;
  return (running.fill - running.images) * grows + running.images;
}

/**
 * Whether a layout at `from` that fits `pages` pages shows that the type at
 * `to` (larger) cannot: the pages without running text stay, and the running
 * text is predicted past the room the others leave by more than the margin.
 * False when the layout did not measure its running text.
 */
export function cannotFit(report: Pick<LayoutReport, 'pageCount' | 'notesPages' | 'runningText'>, from: number, to: number, pages: number): boolean {
  const running = report.runningText;
  if (running === undefined || to <= from) return false;
  const fixed = report.pageCount - report.notesPages - running.pages;
  const room = pages - fixed;
  return predictedFill(running, from, to) > room * (1 + PREDICTION_MARGIN);
}
