import puppeteer, { type Browser } from 'puppeteer-core';
import { ZineError } from '../util/errors.ts';
import { findBrowser } from './find-browser.ts';
import { fontconfigEnv } from './fontconfig.ts';

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

/** Starts the one browser a build uses. */
export async function launchBrowser(): Promise<Browser> {
  const found = await findBrowser();
  if (found === undefined) {
    throw new ZineError('no Chromium or Chrome found: run `npm install` again, or set PUPPETEER_EXECUTABLE_PATH');
  }
  try {
    return await puppeteer.launch({
      executablePath: found.executablePath,
      headless: true,
      args: launchArgs(process.getuid?.() === 0),
      env: await fontconfigEnv(),
    });
  } catch (error) {
    throw new ZineError(`cannot start the browser at ${found.executablePath}`, { cause: error });
  }
}

/** Closes a browser that may still be starting, or may have failed to start. */
export async function closeBrowser(starting: Promise<Browser>): Promise<void> {
  const browser = await starting.catch(() => undefined);
  await browser?.close();
}
