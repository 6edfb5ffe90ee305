import puppeteer, { type Browser } from 'puppeteer-core';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROWSER_START_LIMIT } from '../config/limits.ts';
import { FileError, systemReason, ZineError } from '../util/errors.ts';
import { onExit, onExitStop, removeFolder } from '../util/exit.ts';
import { removeStaleStages } from '../util/stale-stages.ts';
import { fileSizeHint } from './browser-errors.ts';
import { findBrowser, isHeadlessShell } from './find-browser.ts';
import { fontconfigEnv } from './fontconfig.ts';
import { checkTempFolder } from './temp-folder.ts';

/**
 * Flags for a browser that runs as root, offline, and quietly: no sandbox when
 * root (Chromium refuses to start otherwise), and none of the background
 * traffic (updates, sync, metrics) that a closed network would refuse.
 */
export function launchArgs(isRoot: boolean): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-gpu',
    '--font-render-hinting=none',
  ];
}

/** How each running browser is stopped if the process ends before closing it. */
const forgetters = new WeakMap<Browser, () => void>();

/**
 * Starts the one browser a build uses. It is driven over a pipe rather than a
 * socket: Chromium quits when the pipe closes, so it dies with the build even
 * on a `kill -9`. The build handles signals itself (see util/exit.ts).
 */
export interface LaunchOptions {
  /** Milliseconds the browser may take to start and answer before it is stopped. Default: BROWSER_START_LIMIT. */
  startLimit?: number;
}

export async function launchBrowser(options: LaunchOptions = {}): Promise<Browser> {
  const startLimit = options.startLimit ?? BROWSER_START_LIMIT;
  const found = await findBrowser();
  if (found === undefined) {
    throw new ZineError('no Chromium or Chrome found: run `npm install` again, or set PUPPETEER_EXECUTABLE_PATH');
  }
  // A temporary folder the browser cannot write would make it wait for ever: said now, in one line.
  await checkTempFolder();
  const profile = await browserProfile();
  // A browser that starts but never answers is stopped (its process killed) at the limit.
  const answer = new AbortController();
  const limit = setTimeout(() => answer.abort(), startLimit);
  try {
    const browser = await puppeteer.launch({
      signal: answer.signal,
      userDataDir: profile.dir,
      executablePath: found.executablePath,
      headless: isHeadlessShell(found.executablePath) ? 'shell' : true,
      args: launchArgs(process.getuid?.() === 0),
      env: await fontconfigEnv(),
      pipe: true,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const forgetStop = onExitStop(() => killGroup(browser.process()?.pid));
    forgetters.set(browser, () => {
      forgetStop();
      profile.remove();
    });
    return browser;
  } catch (error) {
    profile.remove();
    const why = answer.signal.aborted
      ? `it started but did not answer within ${startLimit / 1000} s, and was stopped; check that it is Chromium or Chrome and that it runs here (try it with --version)`
      : launchFailure(error);
    throw new ZineError(`cannot start the browser at ${found.executablePath}: ${why}`, { cause: error });
  } finally {
    clearTimeout(limit);
  }
}

const PROFILE_PREFIX = 'zinepress-profile-';

/**
 * The browser's profile folder, in the system's temporary folder, named after
 * the process: removed when the browser is closed or the process ends
 * (util/exit.ts, after the browser is stopped), and, when a `kill -9` left
 * it, by the next build. Puppeteer's own would be left by every stopped build.
 */
async function browserProfile(): Promise<{ dir: string; remove: () => void }> {
  const temp = tmpdir();
  await removeStaleStages(temp, PROFILE_PREFIX);
  const dir = await mkdtemp(join(temp, `${PROFILE_PREFIX}${process.pid}-`)).catch((error: unknown) => {
    throw new FileError(temp, 'write into the temporary folder', error);
  });
  const forget = onExit(dir);
  return {
    dir,
    remove: () => {
      forget();
      removeFolder(dir);
    },
  };
}

/** Puppeteer's launch errors run on over many lines; the browser's own complaint is the useful one. */
function launchFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Puppeteer writes the profile's preferences before the browser starts: a disk that fills meanwhile says so.
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && /^E[A-Z]+$/.test(code)) return `${systemReason(error)} (${code}), in the temporary folder ${tmpdir()} (TMPDIR)`;
  // Over a pipe, a browser that exits at once shows only as a closed target.
  if (/Target closed|pipe|ECONNRESET|EPIPE/i.test(message)) {
    const hint = fileSizeHint();
    if (hint !== undefined) return `it quit at once: ${hint}`;
    return 'it quit at once; check that it is Chromium or Chrome and that it runs here (try it with --version)';
  }
  const lines = message.split('\n').map((line) => line.trim()).filter((line) => line !== '' && !/TROUBLESHOOTING|pptr\.dev/.test(line));
  const said = lines.find((line) => /error|cannot|can't|not found|denied|exec/i.test(line) && !/^Failed to launch/.test(line));
  return said ?? lines[0] ?? 'it did not start';
}

/**
 * Stops a browser that no longer answers, at once: every call still waiting on
 * it then fails with the closed pipe instead of waiting out its three minutes.
 */
export function stopBrowser(browser: Browser): void {
  killGroup(browser.process()?.pid);
}

/** Chromium runs in a process group of its own (puppeteer starts it detached): all of it goes. */
function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    process.kill(pid, 'SIGKILL');
  }
}

/**
 * Closes a browser that may still be starting, or may have failed to start.
 * Once a build's files are written the browser has nothing left to save, so
 * it is stopped at once rather than asked to shut down (which takes it a
 * third of a second or more); its profile folder goes once it has.
 */
export async function closeBrowser(starting: Promise<Browser>): Promise<void> {
  const browser = await starting.catch(() => undefined);
  if (browser === undefined) return;
  try {
    // Killed, it may leave commands unread on its pipes, and node then reads a reset there, after
    // puppeteer has stopped listening: with no listener left, that error would end the build.
    for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
    killGroup(browser.process()?.pid);
    await browser.close();
  } finally {
    forgetters.get(browser)?.();
  }
}
