/**
 * The order of a bench's runs and what is made of their times. Runs alternate
 * (every cell once, then every cell again …) so that a machine that slows
 * down or speeds up part-way through weighs on every contender alike, rather
 * than on whichever ran its five runs in that stretch.
 */

/** One run: which cell, and whether it counts or only warms the caches. */
export interface Slot<Cell> {
  cell: Cell;
  /** 0-based round among the counted runs; -1 for a warm-up run. */
  round: number;
}

export interface ScheduleOptions<Cell> {
  /** Counted runs of each cell. Default 5. */
  runs?: number;
  /** Cells run once, uncounted, before the first round. Default none. */
  warmUp?: readonly Cell[];
}

/** Warm-ups first, then `runs` rounds, each round every cell once in the order given. */
export function schedule<Cell>(cells: readonly Cell[], options: ScheduleOptions<Cell> = {}): Slot<Cell>[] {
  const { runs = 5, warmUp = [] } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`runs must be a whole number ≥ 1, not ${runs}`);
  const slots: Slot<Cell>[] = warmUp.map((cell) => ({ cell, round: -1 }));
  for (let round = 0; round < runs; round += 1) {
    for (const cell of cells) slots.push({ cell, round });
  }
  return slots;
}

/** The middle value; the mean of the two middle values for an even count; NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? NaN) + upper) / 2;
}
