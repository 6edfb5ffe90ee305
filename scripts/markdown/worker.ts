/**
 * The markdown stage in a worker thread: the parser's work is synchronous, and
 * some shapes of text (ten thousand notes called in one paragraph) keep it busy
 * for minutes. In a worker, the build's own thread stays free: it stops the
 * stage after MARKDOWN_TIME_LIMIT, and hears Ctrl-C and SIGTERM at once (the
 * worker ends with the process). The worker runs the compiled bundle
 * (dist/zine.cjs); run from the TypeScript sources (tests), the stage runs in
 * this thread, unbounded. Starting a worker costs about 0.4 s (it loads the
 * bundle anew), so a source under MARKDOWN_WORKER_BYTES is read in this
 * thread: the checks before the parser (nesting.ts) keep it to seconds.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { MARKDOWN_TIME_LIMIT, MARKDOWN_WORKER_BYTES } from '../config/limits.ts';
import { ContentError, ZineError } from '../util/errors.ts';
import { markdownToHtml, type MarkdownOptions, type MarkdownResult } from './index.ts';
import { MarkdownError, type Message } from './messages.ts';

const KEY = 'zinepressMarkdown';

interface SentMessage {
  reason: string;
  line: number | undefined;
  column: number | undefined;
  fatal: boolean | null | undefined;
  ruleId: string | undefined;
  source: string | undefined;
}

type Sent =
  | { ok: Omit<MarkdownResult, 'file'> & { value: string; messages: SentMessage[] } }
  | { failed: { message: string; exitCode: number | undefined; value?: string; errors?: SentMessage[] } };

export interface WorkerMarkdownOptions extends MarkdownOptions {
  /** Milliseconds the stage may take. Default: MARKDOWN_TIME_LIMIT. */
  timeLimit?: number;
  /** The compiled bundle the worker runs. Default: this code's own file, when it is the bundle. */
  bundle?: string;
  /** Sources smaller than this many bytes are read in this thread. Default: MARKDOWN_WORKER_BYTES. */
  inThreadBelow?: number;
}

const sent = (message: Message): SentMessage => ({
  reason: message.reason,
  line: message.line,
  column: message.column,
  fatal: message.fatal,
  ruleId: message.ruleId,
  source: message.source,
});

/** The messages again, on a vfile of the same path and text, as the build prints them. */
function received(path: string, value: string, messages: readonly SentMessage[]): { file: VFile; messages: Message[] } {
  const file = new VFile({ path, value });
  const made = messages.map((one) => {
    const message = file.message(one.reason, one.line === undefined ? undefined : { line: one.line, column: one.column ?? 1 }, one.source && one.ruleId ? `${one.source}:${one.ruleId}` : undefined);
    message.fatal = one.fatal;
    return message;
  });
  return { file, messages: made };
}

export async function markdownInWorker(options: WorkerMarkdownOptions): Promise<MarkdownResult> {
  const bundle = options.bundle ?? (import.meta.url.endsWith('.cjs') ? fileURLToPath(import.meta.url) : undefined);
  // The size as the file says it; reading it (bounded, a regular file only) is the stage's.
  const size = options.text === undefined ? ((await stat(options.path).catch(() => undefined))?.size ?? 0) : Buffer.byteLength(options.text);
  if (bundle === undefined || size < (options.inThreadBelow ?? MARKDOWN_WORKER_BYTES)) return markdownToHtml(options);
  return inWorker(bundle, options);
}

function inWorker(bundle: string, options: WorkerMarkdownOptions): Promise<MarkdownResult> {
  const limit = options.timeLimit ?? MARKDOWN_TIME_LIMIT;
  const { path } = options;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bundle, { workerData: { [KEY]: { path, text: options.text, footnotes: options.footnotes } } });
    const end = (settle: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      worker.on('error', () => undefined);
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => {
      end(() => reject(new ContentError(`${path}: reading the markdown took longer than ${limit / 1000} s and was stopped; look for a paragraph with very many notes, links or marks, and split it`)));
    }, limit);
    worker.once('message', (message: Sent) => {
      end(() => {
        if ('ok' in message) {
          const { value, messages, ...result } = message.ok;
          resolve({ ...result, file: received(path, value, messages).file });
        } else {
          const { message: text, exitCode, value, errors } = message.failed;
          if (errors !== undefined && value !== undefined) {
            const back = received(path, value, errors);
            reject(new MarkdownError(back.file, back.messages));
          } else reject(exitCode === undefined ? new Error(text) : new ZineError(text, { exitCode }));
        }
      });
    });
    worker.once('error', (error) => end(() => reject(error)));
    worker.once('exit', (code) => end(() => reject(new Error(`the markdown stage ended with code ${code}`))));
  });
}

/** In the worker (the bundle loaded by markdownInWorker): runs the stage and sends back its result. */
export function runIfMarkdownWorker(): void {
  const options = (workerData as Record<string, MarkdownOptions> | null)?.[KEY];
  if (isMainThread || options === undefined || parentPort === null) return;
  const port = parentPort;
  markdownToHtml(options).then(
    (result) => {
      const { file, ...rest } = result;
      port.postMessage({ ok: { ...rest, value: String(file.value), messages: file.messages.map(sent) } } satisfies Sent);
    },
    (error: unknown) => {
      const failed: Extract<Sent, { failed: unknown }>['failed'] =
        error instanceof MarkdownError
          ? { message: error.message, exitCode: error.exitCode, value: String(error.file.value), errors: error.errors.map(sent) }
          : { message: error instanceof Error ? error.message : String(error), exitCode: error instanceof ZineError ? error.exitCode : undefined };
      port.postMessage({ failed } satisfies Sent);
    },
  );
}
