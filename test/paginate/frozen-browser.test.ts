/**
 * A browser frozen in the middle of a layout (kill -STOP, or a machine
 * swapping): the layout ends at its stall limit saying that the browser
 * stopped answering, and the browser is stopped at once, so nothing waits
 * for it for minutes.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { buildDocument } from '../../scripts/paginate/document.ts';
import { paginate } from '../../scripts/paginate/paginate.ts';

describe.runIf(process.platform === 'linux')('a browser that freezes during a layout', () => {
  it('ends the layout at the stall limit, naming the browser, and is stopped', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-frozen-'));
    const body = `<main class="essay">${'<p>Words of the essay, set in a paragraph of some length to fill the page. </p>'.repeat(2000)}</main>`;
    const htmlPath = join(dir, 'frozen.html');
    await writeFile(htmlPath, await buildDocument({ body, title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' }));
    const starting = launchBrowser();
    const browser = await starting;
    const pid = browser.process()?.pid as number;
    let frozenAt = 0;
    // Frozen, all its processes, once the layout's tab asks for the document: the layout is under way.
    browser.on('targetcreated', (target) => {
      void target.page().then((page) =>
        page?.on('request', (request) => {
          if (frozenAt !== 0 || !request.url().endsWith('frozen.html')) return;
          frozenAt = Date.now();
          process.kill(-pid, 'SIGSTOP');
        }),
      );
    });
    try {
      await expect(paginate({ browser, htmlPath, allowedDir: dir, name: 'frozen.md', stallLimit: 2000 })).rejects.toThrow(
        'frozen.md: the browser stopped answering while it laid out the document (stopped from outside, or out of memory), and the build was given up',
      );
      expect(frozenAt).toBeGreaterThan(0);
      expect(Date.now() - frozenAt).toBeLessThan(15_000);
      // Stopped: its process is gone (a zombie at most, until it is reaped).
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(browser.process()?.exitCode !== null || browser.process()?.signalCode !== null).toBe(true);
    } finally {
      try {
        process.kill(-pid, 'SIGCONT');
      } catch {
        // already gone
      }
      await closeBrowser(starting);
    }
  }, 60_000);
});
