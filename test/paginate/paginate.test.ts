import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocument } from '../../scripts/paginate/document.ts';
import { paginate, withBodyUnshown } from '../../scripts/paginate/paginate.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'zine-paginate-'));
});

afterAll(async () => {
  await closeBrowser(Promise.resolve(browser));
});

/** Lays out a body fragment with the real print CSS (or, `bare`, with no CSS and no CSP). */
async function layOut(body: string, bare = false, options: { runningText?: boolean } = {}) {
  const html = bare
    ? `<!doctype html><html><body>${body}</body></html>`
    : await buildDocument({ body, title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' });
  const htmlPath = join(dir, `page-${Math.random().toString(36).slice(2)}.html`);
  await writeFile(htmlPath, html);
  return paginate({ browser, htmlPath, allowedDir: dir, ...options });
}

describe('paginate', () => {
  it('pads with notes pages so the card front lands on 4k+1 and the total is a multiple of 4', async () => {
    const seen = new Set<number>();
    for (const paragraphs of [1, 2, 3, 4, 5, 6, 7]) {
      const text = '<p>Words of the essay, set in a paragraph of some length to fill the page. </p>'.repeat(paragraphs * 14);
      const { page, report } = await layOut(
        `<section class="cover"><h1 id="t">T</h1></section><main class="essay">${text}</main>` +
          '<section class="card-front">Card</section><section class="card-back">Back</section>' +
          '<section class="colophon">C</section><section class="back-cover">B</section>',
      );
      await page.close();
      expect(report.pageCount % 4).toBe(0);
      expect(report.cardPage).toBe(report.pageCount - 3);
      expect(report.notesPages).toBeLessThan(4);
      seen.add(report.notesPages);
    }
    // Different lengths needed different padding: the rule was exercised, not skipped.
    expect(seen.size).toBeGreaterThan(2);
  });

  it('measures the running text only when asked (only the mini zine size search reads it)', async () => {
    const body = `<main class="essay">${'<p>Words of the essay, set in a paragraph of some length to fill the page. </p>'.repeat(40)}</main>`;
    const plain = await layOut(body);
    await plain.page.close();
    expect(plain.report.runningText).toBeUndefined();
    const measured = await layOut(body, false, { runningText: true });
    await measured.page.close();
    expect(measured.report.pageCount).toBe(plain.report.pageCount);
    // 40 paragraphs of two lines or more, each ending on a page of running text.
    expect(measured.report.runningText?.pages).toBe(plain.report.pageCount);
    expect(measured.report.runningText?.ends).toBe(40);
    expect(measured.report.runningText?.lines).toBeGreaterThanOrEqual(80);
  });

  it('loads the fonts of @font-face rules that Paged.js leaves unparsed, and sets the text in them', async () => {
    await copyFile('node_modules/@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff2', join(dir, 'serif.woff2'));
    const fontFaces = "@font-face { font-family: 'Test Serif'; src: url(serif.woff2) format('woff2'); }";
    const html = await buildDocument({ body: '<main class="essay"><p style="font-family: \'Test Serif\'">Words</p></main>', title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces });
    const htmlPath = join(dir, 'font-faces.html');
    await writeFile(htmlPath, html);
    const { page } = await paginate({ browser, htmlPath, allowedDir: dir });
    const seen = await page.evaluate(() => ({
      faces: [...document.fonts].filter((face) => face.family.includes('Test Serif')).map((face) => face.status),
      parsed: [...document.querySelectorAll('style[data-pagedjs-inserted-styles]')].some((style) => style.textContent.includes('@font-face')),
    }));
    await page.close();
    expect(seen.faces).toEqual(['loaded']);
    // Paged.js parsed and wrote back every other style, in every layout; the font faces it has no use for.
    expect(seen.parsed).toBe(false);
  });

  it('lets the page load nothing from outside its folder, even without the CSP', async () => {
    await expect(layOut('<main class="essay"><img src="https://example.com/x.png"></main>', true)).rejects.toThrow(
      /outside the build: https:\/\/example\.com\/x\.png/,
    );
    await expect(layOut('<main class="essay"><img src="file:///etc/hostname"></main>')).rejects.toThrow(/outside the build/);
  });
});

describe('the document in the layout tab', () => {
  it('loads with its body undisplayed, and ends laid out, shown, the file left as it was', async () => {
    const html = await buildDocument({ body: '<main class="essay"><p>Words.</p></main>', title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' });
    expect(withBodyUnshown(html)).toMatch(/<style id="zinepress-unshown" data-pagedjs-ignore>body \{ display: none; \}<\/style><\/head>/);
    const htmlPath = join(dir, 'unshown.html');
    await writeFile(htmlPath, html);
    const { page, report } = await paginate({ browser, htmlPath, allowedDir: dir });
    const shown = await page.evaluate(() => ({
      styles: document.querySelectorAll('#zinepress-unshown, #zinepress-unpainted').length,
      display: getComputedStyle(document.body).display,
      visibility: getComputedStyle(document.querySelector('.pagedjs_page p') ?? document.body).visibility,
    }));
    await page.close();
    expect(report.pageCount).toBeGreaterThan(0);
    expect(shown).toEqual({ styles: 0, display: 'block', visibility: 'visible' });
    expect(await readFile(htmlPath, 'utf8')).toBe(html);
  });
});

describe('a layout that runs away', () => {
  it('is stopped at its time limit with an error naming the document', async () => {
    const html = await buildDocument({ body: '<main class="essay"><p>Words.</p></main>', title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' });
    const htmlPath = join(dir, 'slow.html');
    // No page reliably hangs on purpose: the limit is made tiny instead.
    await writeFile(htmlPath, html);
    const started = Date.now();
    await expect(paginate({ browser, htmlPath, allowedDir: dir, name: 'source/slow.md', timeLimit: 1 })).rejects.toThrow(
      /source\/slow\.md: the layout took longer than 0 s and was stopped/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('layouts side by side', () => {
  it('finishes a layout started before another page was opened beside it', async () => {
    // A page hidden behind a newer one gets no animation frames, and Paged.js
    // waits on them between steps: such a layout would stall at its first page.
    const text = '<p>Words of the essay, set in a paragraph of some length to fill the page. </p>'.repeat(60);
    const html = await buildDocument({ body: `<main class="essay">${text}</main>`, title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' });
    const htmlPath = join(dir, 'first.html');
    await writeFile(htmlPath, html);
    const first = paginate({ browser, htmlPath, allowedDir: dir, name: 'first.md', stallLimit: 5_000 });
    const beside = await browser.newPage();
    try {
      await beside.goto('about:blank');
      const { page, report } = await first;
      await page.close();
      expect(report.pageCount).toBeGreaterThan(1);
    } finally {
      await beside.close();
    }
  });
});

describe('a layout that stalls in the browser', () => {
  /** A page whose script stops the layout in the browser itself, with the stall limit at 2 s. */
  async function stalled(name: string, script: string) {
    const htmlPath = join(dir, `${name}.html`);
    await writeFile(htmlPath, `<!doctype html><html><body><script>${script}</script><p>Words.</p><p>More words.</p></body></html>`);
    const started = Date.now();
    const error = await paginate({ browser, htmlPath, allowedDir: dir, name: `source/${name}.md`, stallLimit: 2_000 }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    return { error, seconds: (Date.now() - started) / 1000 };
  }

  it('ends a layout that waits forever with an error naming the document, within the stall limit', async () => {
    // Paged.js waits between steps, on a message channel (patched, pagedjs/patches.ts) or on
    // animation frames (stock); here no message and no frame ever comes.
    const never = 'window.requestAnimationFrame = () => 0; window.MessageChannel = class { port1 = {}; port2 = { postMessage() {} }; };';
    const { error, seconds } = await stalled('waits', never);
    expect(String(error)).toMatch(/source\/waits\.md: the layout was stopped: no page was finished in 2 s, before the first/);
    expect(seconds).toBeLessThan(6);
  });

  it('ends a layout whose page loops forever, and the browser goes on laying out', async () => {
    // The first change Paged.js makes to the page sends it into an endless loop.
    const loop = 'new MutationObserver(() => { for (;;); }).observe(document.documentElement, { childList: true, subtree: true });';
    const { error, seconds } = await stalled('loops', loop);
    expect(String(error)).toMatch(/source\/loops\.md: the layout was stopped: no page was finished in 2 s/);
    expect(seconds).toBeLessThan(6);
    const { page, report } = await layOut('<main class="essay"><p>After the loop.</p></main>');
    await page.close();
    expect(report.pageCount).toBeGreaterThan(0);
  });
});
