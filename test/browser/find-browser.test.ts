import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { launchArgs } from '../../scripts/browser/browser.ts';
import { findBrowser, isHeadlessShell, SYSTEM_BROWSER_PATHS } from '../../scripts/browser/find-browser.ts';

describe('findBrowser', () => {
  it('takes PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, before any system path', async () => {
    expect(await findBrowser({ PUPPETEER_EXECUTABLE_PATH: process.execPath, CHROME_PATH: '/bin/sh' })).toEqual({
      executablePath: process.execPath,
      source: 'env',
    });
    expect(await findBrowser({ CHROME_PATH: process.execPath })).toEqual({ executablePath: process.execPath, source: 'env' });
  });

  it('refuses a variable that names no file, naming it, rather than use another browser', async () => {
    await expect(findBrowser({ PUPPETEER_EXECUTABLE_PATH: '/nowhere/chrome' })).rejects.toThrow(
      'PUPPETEER_EXECUTABLE_PATH is set to /nowhere/chrome, which does not exist',
    );
    await expect(findBrowser({ CHROME_PATH: '/nowhere/chrome' })).rejects.toThrow('CHROME_PATH is set to /nowhere/chrome');
  });

  it('falls back to the usual system paths when no variable is set', async () => {
    const system = SYSTEM_BROWSER_PATHS.find((path) => existsSync(path));
    const found = await findBrowser({ PUPPETEER_EXECUTABLE_PATH: '', PUPPETEER_CACHE_DIR: '/nowhere' });
    expect(found).toEqual(system === undefined ? undefined : { executablePath: system, source: 'system' });
  });
});

describe('the headless shell', () => {
  it('is looked for before any full browser', () => {
    expect(SYSTEM_BROWSER_PATHS[0]).toBe('/usr/bin/chromium-headless-shell');
    expect(SYSTEM_BROWSER_PATHS.slice(1).some(isHeadlessShell)).toBe(false);
  });

  it('is told from a full browser by its name, as Debian and puppeteer\'s cache name it', () => {
    expect(isHeadlessShell('/usr/bin/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/root/.cache/puppeteer/chrome-headless-shell/linux-131.0/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\chrome-headless-shell-win64\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/opt/google/chrome/chrome')).toBe(false);
  });
});

describe('launchArgs', () => {
  it('runs offline and quiet, and without the sandbox only as root', () => {
    expect(launchArgs(true)).toContain('--no-sandbox');
    expect(launchArgs(false)).not.toContain('--no-sandbox');
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--no-first-run']) {
      expect(launchArgs(false)).toContain(flag);
    }
  });
});
