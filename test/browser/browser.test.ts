/**
 * The build's browser: the one findBrowser finds (the headless shell first),
 * and a close that nothing the killed browser leaves behind turns into a crash.
 */
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
