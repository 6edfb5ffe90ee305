/**
 * Runs tasks at most `width` at a time; the rest wait their turn, those of
 * the highest `priority` (default 0) first, then in the order they were asked
 * for. Turns are handed out once the event loop's turn ends, never at the very
 * call: of the tasks asked for together, or as a task ends and the next step
 * of its chain is asked for, the first in priority starts, whatever order its
 * caller happened to ask in.
 */
export type Limiter = <T>(task: () => Promise<T>, priority?: number) => Promise<T>;

export function createLimiter(width: number): Limiter {
  let running = 0;
  const waiting: { priority: number; start: () => void }[] = [];
  let handing = false;
  const hand = () => {
    handing = false;
    while (running < width && waiting.length > 0) {
      // The first waiting of the highest priority.
      const best = waiting.reduce((found, each, i) => (each.priority > (waiting[found]?.priority ?? -Infinity) ? i : found), 0);
      const [next] = waiting.splice(best, 1);
      running += 1;
      next?.start();
    }
  };
  const handOut = () => {
    if (handing) return;
    handing = true;
    setImmediate(hand);
  };
  return async (task, priority = 0) => {
    await new Promise<void>((start) => {
      waiting.push({ priority, start });
      handOut();
    });
    try {
      return await task();
    } finally {
      running -= 1;
      handOut();
    }
  };
}
