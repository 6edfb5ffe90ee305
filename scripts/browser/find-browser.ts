import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ZineError } from '../util/errors.ts';

/** Where a Chromium-family browser was found, and how. */
export interface FoundBrowser {
  executablePath: string;
  /** Which rule found it: an environment variable, a system path, or puppeteer's cache. */
  source: 'env' | 'system' | 'puppeteer-cache';
}

/**
 * The usual system locations, most likely first. Chromium's headless shell
 * comes before the full browsers: it has none of their window code, starts in
 * about 0.3 s where Debian's chromium takes 0.8 s, and prints the same PDFs.
 */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Whether an executable is a headless shell, which puppeteer starts with plain `--headless`. */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell(\.exe)?$/i.test(executablePath);
}

/** Puppeteer's own download cache, where `@puppeteer/browsers install` puts a browser. */
export function puppeteerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['PUPPETEER_CACHE_DIR'] ?? join(homedir(), '.cache', 'puppeteer');
}

/**
 * Finds a browser in this order: PUPPETEER_EXECUTABLE_PATH or CHROME_PATH,
 * the usual system paths, puppeteer's cache. Returns undefined when there is none.
 * A variable that names no file is a mistake to report, not a reason to use
 * another browser than the one asked for.
 */
export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser | undefined> {
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH']) {
    const path = env[name];
    if (path === undefined || path === '') continue;
    if (!existsSync(path)) throw new ZineError(`${name} is set to ${path}, which does not exist: fix or unset it`);
    return { executablePath: path, source: 'env' };
  }
  const system = SYSTEM_BROWSER_PATHS.find((path) => existsSync(path));
  if (system !== undefined) return { executablePath: system, source: 'system' };

  const cacheDir = puppeteerCacheDir(env);
  if (!existsSync(cacheDir)) return undefined;
  // Loaded only here: with its proxy and archive code it is 2 MB to compile, and a system browser needs none of it.
  const { Browser, computeExecutablePath, getInstalledBrowsers } = await import('@puppeteer/browsers');
  const installed = await getInstalledBrowsers({ cacheDir });
  const preference = [Browser.CHROMEHEADLESSSHELL, Browser.CHROME, Browser.CHROMIUM];
  const chrome = installed
    .filter((b) => preference.includes(b.browser))
    .sort((a, b) => preference.indexOf(a.browser) - preference.indexOf(b.browser))[0];
  if (chrome === undefined) return undefined;
  const executablePath = computeExecutablePath({ cacheDir, browser: chrome.browser, buildId: chrome.buildId });
  return existsSync(executablePath) ? { executablePath, source: 'puppeteer-cache' } : undefined;
}
