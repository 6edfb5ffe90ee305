/**
 * The markdown stage in worker threads: the parser's work is synchronous, and
 * some shapes of text (ten thousand notes called in one paragraph, emphasis
 * two thousand deep) keep it busy for seconds or minutes. In a worker, the
 * build's own thread stays free: it stops the stage after MARKDOWN_TIME_LIMIT,
 * and hears Ctrl-C and SIGTERM at once (the worker ends with the process).
 *
 * Every source is read in a worker, one worker per source. A worker loads a
 * compiled bundle of its own (dist/markdown-worker.cjs, worker-main.ts: the
 * stage without the rest of the command), with V8's code cache when there is
 * one (scripts/setup/code-cache.mjs); that takes a tenth of a second or so, so the
 * build starts the first worker beside the browser, before it needs it, and
 * the next one as each is taken. Run from the TypeScript sources (tests), the
 * stage runs in this thread, unbounded.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { MARKDOWN_TIME_LIMIT } from '../config/limits.ts';
import { ContentError } from '../util/errors.ts';
import { markdownToHtml, type MarkdownOptions, type MarkdownResult } from './index.ts';
import { settle, WORKER_KEY, type Sent } from './worker-job.ts';

export interface MarkdownWorkersOptions {
  /** How many sources will be read: a worker is started ahead for each but the last. Default: 1. */
  jobs?: number;
  /** Milliseconds the stage may take for one source. Default: MARKDOWN_TIME_LIMIT. */
  timeLimit?: number;
  /**
   * Keep a worker that answered for the next source, rather than start one
   * per source: its code is compiled and its caches (hyphenation patterns,
   * fonts) full. A worker stopped at the time limit is never kept. Default: false.
   */
  reuse?: boolean;
  /**
   * The compiled bundle the workers run (dist/markdown-worker.cjs). Default: that file beside this
   * code's own, when this code is the compiled command; none runs the stage in this thread.
   */
  bundle?: string | undefined;
}

export interface MarkdownWorkers {
  /** The markdown stage for one source, in a worker of its own. */
  run(options: MarkdownOptions): Promise<MarkdownResult>;
  /** Ends the workers started ahead and not used. */
  close(): void;
}

const ownBundle = (): string | undefined => (import.meta.url.endsWith('.cjs') ? join(dirname(fileURLToPath(import.meta.url)), 'markdown-worker.cjs') : undefined);

/** A worker that loads `bundle` (with its code cache, when the loader is in the project beside it) and waits for a source. */
interface Started {
  worker: Worker;
  /** Whether it has ended, or is being stopped. */
  ended: () => boolean;
  stop: () => void;
}

function startWorker(bundle: string): Started {
  const loader = join(dirname(bundle), '..', 'scripts', 'setup', 'code-cache.mjs');
  const workerData = { [WORKER_KEY]: true };
  const worker = existsSync(loader)
    ? new Worker(`import(${JSON.stringify(pathToFileURL(loader).href)}).then((cache) => cache.loadWorkerBundle(${JSON.stringify(bundle)}));`, { eval: true, workerData })
    : new Worker(bundle, { workerData });
  return watched(worker);
}

/**
 * A worker bin/zine.js started for a build before it loaded the command's
 * bundle (both load at once, on two cores), with workerData `{ [WORKER_KEY]: true }`:
 * the first workers made take it as their first.
 */
let early: Worker | undefined;

/** Hands the workers made next a worker already loading the bundle (see `early`). */
export function adoptMarkdownWorker(worker: Worker): void {
  early = worker;
}

/** The adopted worker, once; undefined when there is none, or another took it. */
function takeEarly(): Started | undefined {
  const worker = early;
  early = undefined;
  return worker === undefined ? undefined : watched(worker);
}

function watched(worker: Worker): Started {
  let ended = false;
  worker.on('error', () => undefined); // a worker that failed to load is found ended when it is taken
  worker.once('exit', () => (ended = true));
  worker.unref(); // a worker waiting for a source never holds the process
  const stop = () => {
    ended = true;
    void worker.terminate();
  };
  return { worker, ended: () => ended, stop };
}

/**
 * Runs the stage for `options` in `worker`, which is ended after it (kept,
 * when `keep`, once it has answered), or at the time limit.
 */
function runIn(started: Started, options: MarkdownOptions, limit: number, keep = false): Promise<MarkdownResult> {
  const { path } = options;
  const { worker } = started;
  return new Promise((resolve, reject) => {
    const end = (done: () => void, answered = false) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!keep || !answered) started.stop();
      done();
    };
    const timer = setTimeout(() => {
      end(() => reject(new ContentError(`${path}: reading the markdown took longer than ${limit / 1000} s and was stopped; look for a paragraph with very many notes, links or marks, and split it`)));
    }, limit);
    const onMessage = (message: Sent) => end(() => {
      try {
        resolve(settle(path, message));
      } catch (error) {
        reject(error);
      }
    }, true);
    const onError = (error: Error) => end(() => reject(error));
    const onExit = (code: number) => end(() => reject(new Error(`the markdown stage ended with code ${code}`)));
    worker.once('message', onMessage).once('error', onError).once('exit', onExit);
    worker.postMessage({ path, text: options.text, footnotes: options.footnotes } satisfies MarkdownOptions);
  });
}

/** Workers for a build's sources, the first started now. */
export function createMarkdownWorkers(options: MarkdownWorkersOptions = {}): MarkdownWorkers {
  const bundle = 'bundle' in options ? options.bundle : ownBundle();
  const limit = options.timeLimit ?? MARKDOWN_TIME_LIMIT;
  let left = options.jobs ?? 1;
  let ahead = bundle !== undefined && left > 0 ? (takeEarly() ?? startWorker(bundle)) : undefined;
  const busy = new Set<Started>();
  return {
    run(source) {
      if (bundle === undefined) return markdownToHtml(source);
      // A kept worker still busy with a source (reuse) is not sent another.
      const taken = ahead !== undefined && !ahead.ended() && !busy.has(ahead) ? ahead : startWorker(bundle);
      left -= 1;
      if (options.reuse === true) {
        ahead = taken;
        busy.add(taken);
        return runIn(taken, source, limit, true).finally(() => {
          busy.delete(taken);
          // One replaced while it worked, or whose workers were closed meanwhile, ends now.
          if (taken !== ahead) taken.stop();
        });
      }
      ahead = left > 0 ? startWorker(bundle) : undefined;
      return runIn(taken, source, limit);
    },
    close() {
      // One at work ends once it has answered (above).
      if (ahead !== undefined && !busy.has(ahead)) ahead.stop();
      ahead = undefined;
    },
  };
}

/** The markdown stage for one source in a worker (see createMarkdownWorkers). */
export async function markdownInWorker(options: MarkdownOptions & Omit<MarkdownWorkersOptions, 'jobs'>): Promise<MarkdownResult> {
  const { timeLimit, bundle, ...source } = options;
  const workers = createMarkdownWorkers({ jobs: 1, ...(timeLimit === undefined ? {} : { timeLimit }), ...('bundle' in options ? { bundle } : {}) });
  try {
    return await workers.run(source);
  } finally {
    workers.close();
  }
}
