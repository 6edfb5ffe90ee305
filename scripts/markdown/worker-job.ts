/**
 * The worker's side of the markdown stage (see worker.ts): it waits for one
 * source, runs the stage on it and sends back its result, or its error with
 * the messages that place it. Messages cross as plain data and become vfile
 * messages of the same path and text again on the build's side.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { ZineError } from '../util/errors.ts';
import { markdownToHtml, type MarkdownOptions, type MarkdownResult } from './index.ts';
import { MarkdownError, type Message } from './messages.ts';

/** The key of workerData that makes the worker's bundle wait for a source (see worker-main.ts). */
export const WORKER_KEY = 'zinepressMarkdown';

export interface SentMessage {
  reason: string;
  line: number | undefined;
  column: number | undefined;
  fatal: boolean | null | undefined;
  ruleId: string | undefined;
  source: string | undefined;
}

export type Sent =
  | { ok: Omit<MarkdownResult, 'file'> & { value: string; messages: SentMessage[] } }
  | { failed: { message: string; exitCode: number | undefined; value?: string; errors?: SentMessage[] } };

const sent = (message: Message): SentMessage => ({
  reason: message.reason,
  line: message.line,
  column: message.column,
  fatal: message.fatal,
  ruleId: message.ruleId,
  source: message.source,
});

/** The messages again, on a vfile of the same path and text, as the build prints them. */
export function received(path: string, value: string, messages: readonly SentMessage[]): { file: VFile; messages: Message[] } {
  const file = new VFile({ path, value });
  const made = messages.map((one) => {
    const message = file.message(one.reason, one.line === undefined ? undefined : { line: one.line, column: one.column ?? 1 }, one.source && one.ruleId ? `${one.source}:${one.ruleId}` : undefined);
    message.fatal = one.fatal;
    return message;
  });
  return { file, messages: made };
}

/** The result a worker sent, or the error it stands for, on the build's side. */
export function settle(path: string, message: Sent): MarkdownResult {
  if ('ok' in message) {
    const { value, messages, ...result } = message.ok;
    return { ...result, file: received(path, value, messages).file };
  }
  const { message: text, exitCode, value, errors } = message.failed;
  if (errors !== undefined && value !== undefined) {
    const back = received(path, value, errors);
    throw new MarkdownError(back.file, back.messages);
  }
  throw exitCode === undefined ? new Error(text) : new ZineError(text, { exitCode });
}

/** Called once, just before the worker's first result is sent (see beforeFirstAnswer). */
let firstAnswer: (() => void) | undefined;

/**
 * Has `hook` called once, just before the worker sends its first result: the
 * loader writes V8's code cache of the bundle then, with the functions the
 * stage compiled (scripts/setup/code-cache.mjs loadWorkerBundle).
 */
export function beforeFirstAnswer(hook: () => void): void {
  firstAnswer = hook;
}

/** In a worker started by markdown/worker.ts: runs the stage on each source it is sent (one, unless it is kept). */
export function runIfMarkdownWorker(): void {
  if (isMainThread || (workerData as Record<string, unknown> | null)?.[WORKER_KEY] === undefined || parentPort === null) return;
  const port = parentPort;
  port.on('message', (options: MarkdownOptions) => {
    markdownToHtml(options).then(
      (result) => {
        const { file, ...rest } = result;
        const hook = firstAnswer;
        firstAnswer = undefined;
        hook?.();
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
  });
}
