/**
 * Worker threads that run the compiled bundle (dist/zine.cjs) for one stage:
 * the bundle, loaded in a worker with its stage's key in `workerData`, does
 * that stage's work and nothing else (see cli.ts). A worker loads the bundle
 * anew, with V8's code cache when there is one (scripts/setup/code-cache.mjs):
 * a few tenths of a second, which is why callers start one ahead of need.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** This code's own file when it runs as the compiled bundle; undefined from the TypeScript sources (tests). */
export const ownBundle = (): string | undefined => (import.meta.url.endsWith('.cjs') ? fileURLToPath(import.meta.url) : undefined);

export interface BundleWorker {
  worker: Worker;
  /** Whether the worker has ended (failed to load, or was ended). */
  ended: () => boolean;
}

/** A worker that loads `bundle` (with its code cache, when the loader is beside it) and waits for its stage's work. */
export function startBundleWorker(bundle: string, key: string): BundleWorker {
  const loader = join(dirname(bundle), '..', 'scripts', 'setup', 'code-cache.mjs');
  const workerData = { [key]: true };
  const worker = existsSync(loader)
    ? new Worker(`import(${JSON.stringify(pathToFileURL(loader).href)}).then((cache) => cache.loadBundle(${JSON.stringify(bundle)}));`, { eval: true, workerData })
    : new Worker(bundle, { workerData });
  let ended = false;
  worker.on('error', () => undefined); // a worker that failed to load is found ended when it is taken
  worker.once('exit', () => (ended = true));
  worker.unref(); // a worker waiting for work never holds the process
  return { worker, ended: () => ended };
}
