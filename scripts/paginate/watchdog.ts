import { ZineError } from '../util/errors.ts';

/**
 * Seconds a layout may go without finishing a page before it is given up.
 * Measured: the slowest page of the documents Zinepress lays out (1,500 notes,
 * the essay 20 times over, a 100 KB paragraph) takes under 3 s with three
 * layouts sharing two cores; a page that takes 20 s will not end.
 */
export const STALL_LIMIT = 20_000;

/** The errors of layouts given up by a watchdog (stalled, or past the cap), with the document each names. */
const stopped = new WeakMap<Error, string>();

/** The document whose layout a watchdog gave up, when `error` is that. */
export function stoppedDocument(error: unknown): string | undefined {
  return error instanceof Error ? stopped.get(error) : undefined;
}

function layoutStopped(document: string, reason: string): ZineError {
  const error = new ZineError(`${document}: ${reason}`);
  stopped.set(error, document);
  return error;
}

export interface WatchdogOptions {
  /** The document as messages name it. */
  name: string;
  /** Milliseconds the whole layout may take. */
  cap: number;
  /** Milliseconds without a finished page before the layout is given up. Default: STALL_LIMIT. */
  stall?: number | undefined;
}

export interface Watchdog {
  /** The layout finished its `count`th page (or another step worth as much). */
  progress(count: number): void;
  /** `work`, or a ZineError once the layout stalls or runs past its cap. */
  guard<T>(work: Promise<T>): Promise<T>;
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * Bounds a layout in time by its progress: it goes on as long as pages keep
 * being finished, up to `cap`, and is stopped when none has been for `stall`.
 * A long document may take minutes; a page that cannot be laid out ends the
 * layout within `stall` with an error naming the document and the page.
 */
export function watchdog(options: WatchdogOptions): Watchdog {
  const stall = options.stall ?? STALL_LIMIT;
  const started = Date.now();
  let last = started;
  let pages = 0;
  const hint =
    'look for something that cannot be broken across lines or pages there (a very long word, title, table, list or paragraph)';
  return {
    progress(count) {
      last = Date.now();
      pages = Math.max(pages, count);
    },
    async guard(work) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        const check = () => {
          const now = Date.now();
          if (now - started >= options.cap) {
            reject(layoutStopped(options.name, `the layout took longer than ${seconds(options.cap)} s and was stopped after ${pages} pages; ${hint}`));
          } else if (now - last >= stall) {
            const where = pages === 0 ? 'before the first' : `after page ${pages}`;
            reject(layoutStopped(options.name, `the layout was stopped: no page was finished in ${seconds(stall)} s, ${where}; ${hint}`));
          } else timer = setTimeout(check, Math.min(250, options.cap));
        };
        timer = setTimeout(check, Math.min(250, options.cap));
      });
      try {
        return await Promise.race([work, late]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
