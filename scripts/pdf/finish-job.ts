/**
 * The worker's side of finishing a printed PDF (see finish-worker.ts): it
 * waits for one printed PDF and its options, finishes it (print-pdf.ts
 * finishPdf: the drawn-glyph check, the text-layer repair, metadata, outline,
 * compression) and sends back the bytes, or the error as plain data, which
 * becomes an error of the same kind and message again on the build's side.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { ContentError, EXIT_CONTENT, ZineError } from '../util/errors.ts';
import type { FinishOptions } from './print-pdf.ts';

/** The key of workerData that makes the bundle, loaded in a worker, wait for a PDF to finish (see cli.ts). */
export const FINISH_WORKER_KEY = 'zinepressFinishPdf';

export interface FinishJob {
  printed: Uint8Array;
  options: FinishOptions;
}

export type FinishSent = { ok: Uint8Array } | { failed: { message: string; exitCode: number | undefined; stack: string | undefined } };

/** The finished PDF a worker sent, or the error it stands for, on the build's side. */
export function settleFinish(message: FinishSent): Uint8Array {
  if ('ok' in message) return message.ok;
  const { message: text, exitCode, stack } = message.failed;
  if (exitCode === EXIT_CONTENT) throw new ContentError(text);
  const error = exitCode === undefined ? new Error(text) : new ZineError(text, { exitCode });
  // The stack where it was thrown, in the worker, for --debug.
  if (stack !== undefined) error.stack = stack;
  throw error;
}

/** In a worker started by finish-worker.ts: finishes the one PDF it is sent. */
export function runIfFinishWorker(): void {
  if (isMainThread || (workerData as Record<string, unknown> | null)?.[FINISH_WORKER_KEY] === undefined || parentPort === null) return;
  const port = parentPort;
  port.once('message', (job: FinishJob) => {
    import('./print-pdf.ts')
      .then(({ finishPdf }) => finishPdf(job.printed, job.options))
      .then(
        (pdf) => port.postMessage({ ok: pdf } satisfies FinishSent),
        (error: unknown) => {
          const failed = {
            message: error instanceof Error ? error.message : String(error),
            exitCode: error instanceof ZineError ? error.exitCode : undefined,
            stack: error instanceof Error ? error.stack : undefined,
          };
          port.postMessage({ failed } satisfies FinishSent);
        },
      );
  });
}
