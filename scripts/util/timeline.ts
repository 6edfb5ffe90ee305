/**
 * Where a build's wall time goes: with ZINE_TIMES set, each step marked here
 * writes a line to stderr, `+1234 ms what`, the milliseconds since the
 * process started (node's time origin), on the main thread. Nothing is
 * written, and nothing measured, without it. docs/timeline.md gives the
 * 112-page book's steps.
 */
const on = (): boolean => Boolean(process.env['ZINE_TIMES']);

/** Marks `what` as happening now. */
export function mark(what: string): void {
  if (on()) process.stderr.write(`+${Math.round(performance.now())} ms ${what}\n`);
}

/** Marks the start and end of `work`, with its duration; returns it. */
export function marked<T>(what: string, work: () => Promise<T>): Promise<T> {
  if (!on()) return work();
  const start = performance.now();
  mark(`${what} begins`);
  return work().finally(() => mark(`${what} ends (${Math.round(performance.now() - start)} ms)`));
}

/** As `marked`, for synchronous work. */
export function markedSync<T>(what: string, work: () => T): T {
  if (!on()) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    mark(`${what} (${Math.round(performance.now() - start)} ms)`);
  }
}
