/**
 * The build's browser: the one findBrowser finds (the headless shell first),
 * and a close that nothing the killed browser leaves behind turns into a crash.
 */
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { findBrowser } from '../../scripts/browser/find-browser.ts';

describe('launchBrowser', () => {
  it('starts the browser findBrowser finds, and it lays out pages', async () => {
    const found = await findBrowser();
    const browser = launchBrowser();
    try {
      const started = await browser;
      expect(started.process()?.spawnfile).toBe(found?.executablePath);
      const page = await started.newPage();
      await page.setContent('<p style="width: 10ch">one two three four</p>');
      expect(await page.evaluate('document.querySelector("p").getClientRects().length')).toBe(1);
    } finally {
      await closeBrowser(browser);
    }
  });
});

describe('closeBrowser', () => {
  it('keeps a reset read on the killed browser\'s protocol pipes from ending the process', async () => {
    const browser = launchBrowser();
    const started = await browser;
    // Puppeteer writes its commands on the fourth and reads the answers on the fifth.
    const pipes = [started.process()?.stdio[3], started.process()?.stdio[4]];
    await closeBrowser(browser);
    // What node reports when the browser was killed with commands unread: with no listener, emit throws.
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    for (const pipe of pipes) {
      expect(pipe).toBeDefined();
      expect(() => pipe?.emit('error', reset)).not.toThrow();
    }
  });
});

describe('a browser that starts and never answers', () => {
  it('is stopped at the start limit, with a clear reason, leaving no process and no profile folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-mute-browser-'));
    const pidFile = join(dir, 'pid');
    // Holds the DevTools pipe open and says nothing.
    const mute = join(dir, 'chromium');
    await writeFile(mute, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`, { mode: 0o755 });
    const ours = async () => (await readdir(tmpdir())).filter((name) => name.startsWith(`zinepress-profile-${process.pid}-`));
    // The test files of a worker share its process: another's browser may be open.
    const others = await ours();
    const before = process.env['PUPPETEER_EXECUTABLE_PATH'];
    process.env['PUPPETEER_EXECUTABLE_PATH'] = mute;
    const started = Date.now();
    try {
      await expect(launchBrowser({ startLimit: 2000 })).rejects.toThrow(
        `cannot start the browser at ${mute}: it started but did not answer within 2 s, and was stopped; check that it is Chromium or Chrome`,
      );
    } finally {
      if (before === undefined) delete process.env['PUPPETEER_EXECUTABLE_PATH'];
      else process.env['PUPPETEER_EXECUTABLE_PATH'] = before;
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    const pid = Number(await readFile(pidFile, 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(() => process.kill(pid, 0), 'the mute browser still runs').toThrow();
    expect((await ours()).filter((name) => !others.includes(name))).toEqual([]);
  }, 30_000);
});
