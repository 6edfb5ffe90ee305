/**
 * One layout of the reading pages at a time: a save during a layout makes one
 * more after it (however many saves came), and the other formats' steps wait
 * while any is under way.
 */
export interface LayoutQueue {
  /** Lays out now, or once the layout under way ends. */
  schedule(): void;
  /** Whether a newer save waits for the layout under way. */
  superseded(): boolean;
  /** Resolves once no layout is under way. */
  idle(): Promise<void>;
}

export function createLayoutQueue(layOut: () => Promise<void>): LayoutQueue {
  let running: Promise<void> | undefined;
  let again = false;
  const schedule = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = layOut().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  };
  return {
    schedule,
    superseded: () => again,
    async idle() {
      while (running) await running;
    },
  };
}
