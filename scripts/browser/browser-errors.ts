/**
 * Puppeteer's own words, which would reach the user as an internal error, as
 * what happened: the browser quit, stopped answering, or could not print.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser } from 'puppeteer-core';
import { ZineError } from '../util/errors.ts';

/** The largest file this process may write, from Linux's /proc (`ulimit -f`); undefined when unlimited or unknown. */
export function fileSizeLimit(): number | undefined {
  try {
    const line = /^Max file size\s+(\d+)/m.exec(readFileSync('/proc/self/limits', 'utf8'));
    return line?.[1] === undefined ? undefined : Number(line[1]);
  } catch {
    return undefined;
  }
}

/** `ulimit -f` in words, when it is set: the usual reason a browser quits or cannot print. */
export function fileSizeHint(): string | undefined {
  const limit = fileSizeLimit();
  if (limit === undefined) return undefined;
  return `this shell lets a program write files of at most ${Math.round(limit / 1024).toLocaleString('en-US')} KB (ulimit -f), too little for the browser; raise it (ulimit -f unlimited)`;
}

/** A ZineError (exit 1) saying what a browser failure means, or undefined when `error` is not one. */
export function explainBrowserError(error: unknown): ZineError | undefined {
  if (!(error instanceof Error)) return undefined;
  const { message } = error;
  const hint = fileSizeHint();
  if (/Target closed|Session closed|Connection closed|Navigating frame was detached/i.test(message)) {
    return new ZineError(`the browser quit while it worked${hint === undefined ? ' (out of memory, or stopped from outside)' : `: ${hint}`}`, { cause: error });
  }
  if (/timed out\. Increase the 'protocolTimeout'/.test(message)) {
    return new ZineError('the browser stopped answering for three minutes and the build was given up: the machine may be short of memory, or the document too large (see "Limits" in the README)', { cause: error });
  }
  if (/Page\.printToPDF\): Printing failed/.test(message)) {
    return new ZineError(
      `the browser could not print the PDF: ${hint ?? `it writes it first into the temporary folder (${tmpdir()}), which must be writable and have room: check TMPDIR and the free space`}`,
      { cause: error },
    );
  }
  return undefined;
}

/** Whether the browser answers a question within `ms` milliseconds (one stopped with SIGSTOP, or swapping, does not). */
export async function browserAnswers(browser: Browser, ms = 5000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([browser.version().then(() => true, () => false), late]);
  } finally {
    clearTimeout(timer);
  }
}
