import { rmSync } from 'node:fs';

/**
 * What must not outlive the process: staging folders and the browser. Each is
 * registered while it exists, and whatever is still registered when the
 * process ends (normally, on an uncaught error, or through `exitOnSignal`) is
 * removed or stopped there, synchronously, since nothing asynchronous runs
 * after `exit`. A `kill -9` cannot be seen: the browser then goes with its
 * pipe (see browser/browser.ts) and the next build removes the stage.
 */
const folders = new Set<string>();
const stoppers = new Set<() => void>();

function cleanUp(): void {
  for (const stop of stoppers) {
    try {
      stop();
    } catch {
      // the process is ending: nothing to report to
    }
  }
  stoppers.clear();
  for (const folder of folders) removeFolder(folder);
  folders.clear();
}

process.on('exit', cleanUp);

/**
 * Removes a folder, however it goes. A browser stopped a moment before may
 * still be writing into its profile folder, and the removal then meets a
 * folder that is not empty yet (ENOTEMPTY): it is tried again a few times.
 * Whatever is left is the next build's to remove (browser/browser.ts), and
 * never an error thrown on the way out, which would end the process with
 * exit code 1 instead of the signal's.
 */
export function removeFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
  } catch {
    // left for the next build
  }
}

/** Removes `folder` when the process ends; returns the function that forgets it. */
export function onExit(folder: string): () => void {
  folders.add(folder);
  return () => folders.delete(folder);
}

/** Runs `stop` (synchronous, for instance killing a child process) when the process ends. */
export function onExitStop(stop: () => void): () => void {
  stoppers.add(stop);
  return () => stoppers.delete(stop);
}

/** The output folders whose new files are in place: a stop after that cannot say "nothing was written". */
const written = new Set<string>();

/** Notes that `folder` now holds this run's files (see stage.ts commit). */
export function noteWritten(folder: string): void {
  written.add(folder);
}

/** What a stop leaves: nothing, or the folders already written, whole. */
export function whatWasWritten(): string {
  if (written.size === 0) return 'nothing was written';
  return `already written, whole: ${[...written].join(', ')}; nothing else was written`;
}

const SIGNAL_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type StopSignal = keyof typeof SIGNAL_CODES;

/** While above 0, a stop waits: files are moving into an output folder (see stage.ts commit). */
let holding = 0;
let held: { signal: StopSignal; stop: (signal: StopSignal) => void } | undefined;

/**
 * Runs `work` with stops held back until it ends, so that a Ctrl-C never
 * leaves an output folder half old, half new; the stop then says what is in place.
 */
export async function holdingStops<T>(work: () => Promise<T>): Promise<T> {
  holding += 1;
  try {
    return await work();
  } finally {
    holding -= 1;
    if (holding === 0 && held) held.stop(held.signal);
  }
}

/**
 * Ends the process on Ctrl-C, SIGTERM and SIGHUP with one line and the usual
 * exit code (128 + the signal's number), after the clean-up above.
 */
export function exitOnSignal(write: (line: string) => void = (line) => process.stderr.write(line)): void {
  const stop = (signal: StopSignal) => {
    cleanUp();
    write(`zine: stopped by ${signal}; ${whatWasWritten()}\n`);
    process.exit(SIGNAL_CODES[signal]);
  };
  for (const signal of Object.keys(SIGNAL_CODES) as StopSignal[]) {
    process.once(signal, () => {
      if (holding > 0) held ??= { signal, stop };
      else stop(signal);
    });
  }
}
