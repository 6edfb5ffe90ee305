/**
 * The markdown stage in worker threads: the parser's work is synchronous, and
 * some shapes of text (ten thousand notes called in one paragraph, emphasis
 * two thousand deep) keep it busy for seconds or minutes. In a worker, the
 * build's own thread stays free: it stops the stage after MARKDOWN_TIME_LIMIT,
 * and hears Ctrl-C and SIGTERM at once (the worker ends with the process).
 *
 * Every source is read in a worker, one worker per source. A worker loads the
 * compiled bundle (dist/zine.cjs) anew, with V8's code cache when there is one
 * (scripts/setup/code-cache.mjs); that takes a few tenths of a second, so the
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

export { runIfMarkdownWorker } from './worker-job.ts';

export interface MarkdownWorkersOptions {
  /** How many sources will be read: a worker is started ahead for each but the last. Default: 1. */
  jobs?: number;
  /** Milliseconds the stage may take for one source. Default: MARKDOWN_TIME_LIMIT. */
  timeLimit?: number;
  /** The compiled bundle the workers run. Default: this code's own file, when it is the bundle; none runs the stage in this thread. */
  bundle?: string | undefined;
}

export interface MarkdownWorkers {
  /** The markdown stage for one source, in a worker of its own. */
  run(options: MarkdownOptions): Promise<MarkdownResult>;
  /** Ends the workers started ahead and not used. */
  close(): void;
}

const ownBundle = (): string | undefined => (import.meta.url.endsWith('.cjs') ? fileURLToPath(import.meta.url) : undefined);

/** A worker that loads `bundle` (with its code cache, when the loader is beside it) and waits for a source. */
function startWorker(bundle: string): { worker: Worker; ended: () => boolean } {
  const loader = join(dirname(bundle), '..', 'scripts', 'setup', 'code-cache.mjs');
  const workerData = { [WORKER_KEY]: true };
  const worker = existsSync(loader)
    ? new Worker(`import(${JSON.stringify(pathToFileURL(loader).href)}).then((cache) => cache.loadBundle(${JSON.stringify(bundle)}));`, { eval: true, workerData })
    : new Worker(bundle, { workerData });
  let ended = false;
  worker.on('error', () => undefined); // a worker that failed to load is found ended when it is taken
  worker.once('exit', () => (ended = true));
  worker.unref(); // a worker waiting for a source never holds the process
  return { worker, ended: () => ended };
}

/** Runs the stage for `options` in `worker`, which is ended after it, or at the time limit. */
function runIn(worker: Worker, options: MarkdownOptions, limit: number): Promise<MarkdownResult> {
  const { path } = options;
  return new Promise((resolve, reject) => {
    const end = (done: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      done();
    };
    const timer = setTimeout(() => {
      end(() => reject(new ContentError(`${path}: reading the markdown took longer than ${limit / 1000} s and was stopped; look for a paragraph with very many notes, links or marks, and split it`)));
    }, limit);
    worker.once('message', (message: Sent) => end(() => {
      try {
        resolve(settle(path, message));
      } catch (error) {
        reject(error);
      }
    }));
    worker.once('error', (error) => end(() => reject(error)));
    worker.once('exit', (code) => end(() => reject(new Error(`the markdown stage ended with code ${code}`))));
    worker.postMessage({ path, text: options.text, footnotes: options.footnotes } satisfies MarkdownOptions);
  });
}

/** Workers for a build's sources, the first started now. */
export function createMarkdownWorkers(options: MarkdownWorkersOptions = {}): MarkdownWorkers {
  const bundle = 'bundle' in options ? options.bundle : ownBundle();
  const limit = options.timeLimit ?? MARKDOWN_TIME_LIMIT;
  let left = options.jobs ?? 1;
  let ahead = bundle !== undefined && left > 0 ? startWorker(bundle) : undefined;
  return {
    run(source) {
      if (bundle === undefined) return markdownToHtml(source);
      const taken = ahead !== undefined && !ahead.ended() ? ahead : startWorker(bundle);
      left -= 1;
      ahead = left > 0 ? startWorker(bundle) : undefined;
      return runIn(taken.worker, source, limit);
    },
    close() {
      void ahead?.worker.terminate();
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
