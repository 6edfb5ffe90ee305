/**
 * Finishing a printed PDF in a worker thread. The finish (print-pdf.ts
 * finishPdf) is Node's own work, about 1.5 s of CPU on a 112-page book: the
 * text-layer repair, pdf-lib's save and compression. In the build's thread it
 * held the event loop while the browser had pictures to take, the slips a
 * card to lay out and print, and the booklet its imposition to make; in a
 * worker it runs on another core beside them.
 *
 * A worker loads the compiled bundle anew (util/bundle-worker.ts), so one is
 * started ahead as each layout begins (`prepareFinishWorker`) and taken when
 * its PDF is printed; each finishes one PDF and ends. Run from the TypeScript
 * sources (tests), the PDF is finished in this thread.
 */
import { ownBundle, startBundleWorker, type BundleWorker } from '../util/bundle-worker.ts';
import { FINISH_WORKER_KEY, settleFinish, type FinishJob, type FinishSent } from './finish-job.ts';
import type { FinishOptions } from './print-pdf.ts';

export { runIfFinishWorker } from './finish-job.ts';

export interface FinishWorkerOptions {
  /** The compiled bundle the worker runs. Default: this code's own file, when it is the bundle; none finishes in this thread. */
  bundle?: string | undefined;
}

/** The worker started ahead for the next PDF, not yet taken. */
let ahead: BundleWorker | undefined;

const bundleOf = (options: FinishWorkerOptions) => ('bundle' in options ? options.bundle : ownBundle());

/** Starts a worker for the next PDF to finish, unless one is waiting already. */
export function prepareFinishWorker(options: FinishWorkerOptions = {}): void {
  const bundle = bundleOf(options);
  if (bundle === undefined || (ahead !== undefined && !ahead.ended())) return;
  ahead = startBundleWorker(bundle, FINISH_WORKER_KEY);
}

/** finishPdf, in the worker started ahead (or a new one), which ends after it. */
export async function finishPdfInWorker(printed: Uint8Array, options: FinishOptions, settings: FinishWorkerOptions = {}): Promise<Uint8Array> {
  const bundle = bundleOf(settings);
  if (bundle === undefined) return (await import('./print-pdf.ts')).finishPdf(printed, options);
  const taken = ahead !== undefined && !ahead.ended() ? ahead : startBundleWorker(bundle, FINISH_WORKER_KEY);
  ahead = undefined;
  const { worker } = taken;
  worker.ref(); // the build waits for this one
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      worker.once('message', (message: FinishSent) => {
        try {
          resolve(settleFinish(message));
        } catch (error) {
          reject(error);
        }
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the worker finishing the PDF ended with code ${code}`)));
      worker.postMessage({ printed, options } satisfies FinishJob);
    });
  } finally {
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    void worker.terminate();
  }
}
