/**
 * A thick booklet is folded in signatures: runs of sheets each folded as a
 * booklet of its own, then gathered one after the other and bound. And the
 * sheets inside a fold stick out at the open edge (creep): the pages of
 * inner sheets are moved toward the spine to make up for it.
 *
 * Both are plain data here: which padded positions each signature holds,
 * how far each of its sheets moves, where its collation mark goes.
 */
import type { Size } from './geometry.ts';
import type { Line } from './marks.ts';

/** One signature: the padded positions first..first+count−1 (1-based), folded as one booklet. */
export interface Signature {
  first: number;
  /** Pages, a multiple of 4: four to a sheet. */
  count: number;
}

/**
 * Splits `paddedCount` positions (a multiple of 4) into signatures of
 * `sheets` sheets each, one after the other; the last takes what remains.
 * No `sheets` (or one at least as large as the booklet): one signature.
 */
export function signatureRuns(paddedCount: number, sheets: number | undefined): Signature[] {
  const size = sheets === undefined ? paddedCount : sheets * 4;
  const runs: Signature[] = [];
  for (let first = 1; first <= paddedCount; first += size) {
    runs.push({ first, count: Math.min(size, paddedCount - first + 1) });
  }
  return runs;
}

/**
 * How far the pages of each sheet of a signature move toward the spine, from
 * the outermost sheet (0) to the innermost (`creep`), in proportion between.
 */
export function creepOffsets(sheets: number, creep: number): number[] {
  if (sheets <= 1) return Array.from({ length: sheets }, () => 0);
  return Array.from({ length: sheets }, (_, k) => (creep * k) / (sheets - 1));
}

/** The collation bar: 18 pt long down the fold, 6 pt wide across it, stepping down 18 pt a signature. */
export const COLLATION_LENGTH = 18;
/** From the top of the sheet to the first signature's bar: below the fold tick. */
export const COLLATION_TOP = 36;

/**
 * The collation mark of signature `index` (from 0): a short black bar on the
 * fold of its outer sheet's outside, one bar-length lower than the one
 * before, so that the gathered signatures show a staircase down their backs
 * (a step out of line is a signature out of order). Past the foot of the
 * spine the steps start again at the top.
 */
export function collationMark(sheet: Size, index: number): Line {
  const steps = Math.max(1, Math.floor((sheet.height - 2 * COLLATION_TOP) / COLLATION_LENGTH));
  const top = sheet.height - COLLATION_TOP - (index % steps) * COLLATION_LENGTH;
  const x = sheet.width / 2;
  return { from: { x, y: top }, to: { x, y: top - COLLATION_LENGTH }, style: 'collation' };
}
