import type { FitOptions, PageLine } from './note-split.ts';

export interface ShortOptions extends FitOptions {
  /** The height of a line of body text: shortness is counted in lines. */
  lineHeight: number;
}

/**
 * How many lines of body text would still fit at the page's foot when only
 * the first `kept` of its `lines` stay: the room below them and below the
 * whole notes they call (notes that run past the foot are continued, and
 * leave none). 0 when every line stays.
 */
export function shortLines(lines: readonly PageLine[], kept: number, options: ShortOptions): number {
  const last = lines[kept - 1];
  if (!last || kept >= lines.length || options.lineHeight <= 0) return 0;
  const end = lines.slice(0, kept).reduce((reach, line) => Math.max(reach, line.end), options.carried);
  const bottom = last.bottom + (end > 0 ? options.frame + end : 0);
  return Math.max(0, Math.floor((options.foot - bottom + 1) / options.lineHeight));
}

/** The lines as they fit when each note may begin with its first line alone. */
export const withOneLineHeads = (lines: readonly PageLine[]): PageLine[] => lines.map((line) => ({ ...line, reach: line.reachOne }));

/** One way to fit the page: its lines as measured for it, and how many stay. */
export interface Fitting {
  lines: readonly PageLine[];
  kept: number;
}

/**
 * The first of the `fittings` (tried in order, from the one a reader would
 * rather see; later ones are not measured once one will do) that leaves the
 * page at most 2 lines short; where none does, the one that leaves it least
 * short, the earliest of equals.
 */
export function leastShort<T extends Fitting>(fittings: Iterable<T>, options: ShortOptions): T | undefined {
  let best: { fitting: T; short: number } | undefined;
  for (const fitting of fittings) {
    const short = shortLines(fitting.lines, fitting.kept, options);
    if (short <= 2) return fitting;
    if (!best || short < best.short) best = { fitting, short };
  }
  return best?.fitting;
}
