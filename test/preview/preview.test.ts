/**
 * `zine preview` as its user meets it: the command started, its page opened
 * in real headless Chromium, the source edited on disk.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { GOOD, ZINE } from '../helpers/zine.ts';

let dir: string;
let child: ChildProcess;
let url: string;
let browser: Promise<Browser>;
let page: Page;

const source = () => join(dir, 'essay.md');

/** The text of the laid-out pages in the viewer's frame (soft hyphens left out), '' while there are none. */
const framedText = () =>
  page.evaluate(() => {
    const frame = document.querySelector('iframe');
    return (frame?.contentDocument?.querySelector('.pagedjs_pages')?.textContent ?? '').replace(/\u00ad/g, '');
  });

async function until(test: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-preview-'));
  await writeFile(source(), GOOD);
  browser = launchBrowser();
  child = spawn(process.execPath, [ZINE, 'preview', 'essay.md', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let said = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(said);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`preview exited with ${code}`)));
  });
  page = await (await browser).newPage();
  await page.goto(url);
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await closeBrowser(browser);
});

describe('zine preview', () => {
  it('shows the laid-out reading edition, with its note and card', async () => {
    await until(async () => (await framedText()).includes('Some text with a note'), 'the first layout');
    const text = await framedText();
    expect(text).toContain('The note.');
    expect(text).toContain('Keep this card');
    // The project's own fonts load from the preview server.
    const loaded = await page.evaluate(async () => {
      const doc = document.querySelector('iframe')?.contentDocument;
      if (!doc) return [];
      await doc.fonts.ready;
      return [...doc.fonts].filter((font) => font.status === 'loaded').map((font) => font.family);
    });
    expect(loaded).toContain('Source Serif 4');
    expect(loaded).toContain('Source Sans 3');
  });

  it('shows an edit of the source by itself', async () => {
    await writeFile(source(), GOOD.replace('Some text with a note.', 'Freshly edited words.'));
    await until(async () => (await framedText()).includes('Freshly edited words'), 'the edit');
    expect(await framedText()).not.toContain('Some text with a note');
  });

  it('changes in the frame only the pages the edit changed', async () => {
    const framePages = (mark: boolean) =>
      page.evaluate((set) => {
        const pages = [...(document.querySelector('iframe')?.contentDocument?.querySelectorAll('.pagedjs_pages > .pagedjs_page') ?? [])];
        // Remembered aside, not marked on the pages: a mark would make every page differ from the new ones.
        const seen = window as unknown as { seenPages?: WeakSet<Element> };
        if (set) seen.seenPages = new WeakSet(pages);
        return { all: pages.length, seen: pages.filter((one) => seen.seenPages?.has(one)).length };
      }, mark);
    const before = await framePages(true);
    await writeFile(source(), GOOD.replace('Some text with a note.', 'Edited in place.'));
    await until(async () => (await framedText()).includes('Edited in place'), 'the edit');
    const after = await framePages(false);
    expect(after.all).toBe(before.all);
    // The page of the edit and the back cover, which quotes the first lines, are new; the others stayed.
    expect(after.seen).toBeGreaterThan(0);
    expect(after.seen).toBeLessThan(after.all);
  });

  it('shows a saved image anew', async () => {
    const png = (width: number) => {
      const image = new PNG({ width, height: 40 });
      image.data.fill(0x80);
      return PNG.sync.write(image);
    };
    const shownWidth = () =>
      page.evaluate(() => {
        const img = document.querySelector('iframe')?.contentDocument?.querySelector<HTMLImageElement>('.pagedjs_pages img');
        return img?.complete ? img.naturalWidth : 0;
      });
    await writeFile(join(dir, 'pic.png'), png(60));
    await writeFile(source(), GOOD.replace('Some text with a note.', 'A picture follows.\n\n![A grey block](pic.png)'));
    await until(async () => (await shownWidth()) === 60, 'the image');
    // The source is not saved again: only the image.
    await writeFile(join(dir, 'pic.png'), png(90));
    await until(async () => (await shownWidth()) === 90, 'the saved image');
  });

  it('shows the pages on white paper on a grey ground, with the text block’s edge drawn', async () => {
    await until(async () => (await framedText()) !== '', 'the pages');
    const look = await page.evaluate(() => {
      const doc = document.querySelector('iframe')?.contentDocument;
      const sheet = doc?.querySelector('.pagedjs_page');
      const area = doc?.querySelector('.pagedjs_area');
      if (!doc || !sheet || !area) return undefined;
      const area_ = getComputedStyle(area);
      return {
        paper: getComputedStyle(sheet).backgroundColor,
        ground: getComputedStyle(doc.body).backgroundColor,
        shadow: getComputedStyle(sheet).boxShadow,
        edge: [area_.outlineStyle, area_.outlineWidth],
      };
    });
    expect(look?.paper).toBe('rgb(255, 255, 255)');
    // A grey, so that the white page and the grey running head both show.
    const ground = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(look?.ground ?? '');
    expect(ground, look?.ground).not.toBe(null);
    const [red, green, blue] = (ground ?? []).slice(1).map(Number);
    expect(red).toBe(green);
    expect(green).toBe(blue);
    expect(red).toBeLessThan(160);
    expect(look?.shadow).not.toBe('none');
    expect(look?.edge).toEqual(['dashed', '1px']);
  });

  it('lists the warnings with their file:line:col beside the pages, and takes them away when their cause goes', async () => {
    const listed = () => page.evaluate(() => [...document.querySelectorAll('#warnings:not([hidden]) li')].map((item) => item.textContent ?? ''));
    // A link that tracks its readers (the markdown's warning) and a picture of 40 by 30 pixels (the photocopy preflight's, once the pages show).
    const small = new PNG({ width: 40, height: 30 });
    small.data.fill(0x60);
    await writeFile(join(dir, 'small.png'), PNG.sync.write(small));
    const text = 'Some text with [a link](https://example.org/?utm_source=zine) and a note.\n\n![A small grey block](small.png)';
    await writeFile(source(), GOOD.replace('Some text with a note.', text));
    await until(async () => (await listed()).some((line) => line.includes('small.png')) && (await listed()).some((line) => line.includes('utm_source')), 'the warnings');
    expect(await listed()).toEqual([
      expect.stringMatching(/^essay\.md:6:16: link `https:\/\/example\.org\/\?utm_source=zine` carries tracking parameters \(utm_source\)/),
      expect.stringMatching(/^essay\.md:8:1: photocopy: small\.png prints at \d+ dpi; a photocopy needs 200 or more \(page 2\)$/),
    ]);
    await writeFile(source(), GOOD.replace('Some text with a note.', 'Some text with [a link](https://example.org/) and a note.'));
    await until(async () => (await framedText()).includes('Some text with a link'), 'the save');
    await until(async () => (await listed()).length === 0, 'the warnings to go');
    expect(await page.evaluate(() => document.getElementById('warnings')?.hidden)).toBe(true);
  });

  it('shows a content error with its file:line:col, keeps running, and clears it on the next good save', async () => {
    await writeFile(source(), GOOD.replace('date: 2025-03-08', 'date: 2025-13-45'));
    const problem = () => page.evaluate(() => document.getElementById('problem')?.textContent ?? '');
    await until(async () => (await problem()) !== '', 'the problem');
    expect(await problem()).toMatch(/essay\.md:3:\d+: .*date/);
    expect(child.exitCode).toBe(null);
    await writeFile(source(), GOOD.replace('Some text with a note.', 'Good again.'));
    await until(async () => (await framedText()).includes('Good again'), 'the good save');
    expect(await problem()).toBe('');
  });

  it('shows the booklet’s sheets, the mini zine and the slips after the pages, on white paper', async () => {
    const loaded = (selector: string) =>
      page.evaluate((css) => [...document.querySelectorAll(css)].filter((img) => (img as HTMLImageElement).naturalWidth > 0).length, selector);
    await until(async () => (await loaded('#formats .booklet.sheets img')) === 4, 'the sheets');
    expect(await loaded('#formats .booklet.sheets img')).toBe(4);
    await until(async () => (await loaded('#formats .slips.sheets img')) === 2, 'the slips');
    expect(await loaded('#formats .mini.pages img')).toBe(8);
    expect(await loaded('#formats .mini.sheets img')).toBe(1);
    const papers = await page.evaluate(() => [...document.querySelectorAll('#formats img')].map((img) => getComputedStyle(img).backgroundColor));
    expect(new Set(papers)).toEqual(new Set(['rgb(255, 255, 255)']));
  });

  it('shows a `formats: [mini]` document as the mini zine’s pages, at their size, and its sheet, with no booklet', async () => {
    await writeFile(source(), GOOD.replace('date: 2025-03-08', 'date: 2025-03-08\nformats: [mini]').replace('Some text with a note.', 'Good again.'));
    const minis = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLImageElement>('#formats .mini.pages img')].filter((img) => img.naturalWidth > 0).map((img) => {
          const box = img.getBoundingClientRect();
          return [box.width, box.height];
        }),
      );
    const sections = () => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('#formats section')].map((section) => section.className));
    await until(async () => (await sections()).join() === 'mini pages,mini sheets' && (await minis()).length === 8, 'the mini zine alone');
    // 2.75 × 4.25 in at 96 CSS pixels an inch: letter's mini trim.
    expect(await minis()).toEqual(Array.from({ length: 8 }, () => [264, 408]));
    // No half-letter pages, no booklet sheets.
    expect(await page.evaluate(() => document.querySelector('iframe')?.hidden)).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('#formats .booklet').length)).toBe(0);
  });

  it('answers on the loopback address only', async () => {
    const port = Number(new URL(url).port);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address !== undefined && !address.internal && address.family === 'IPv4');
    if (outside === undefined) return; // this machine has no other address to try
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const socket = connect({ host: outside.address, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
    expect(error?.code).toBe('ECONNREFUSED');
    expect((await fetch(url)).status).toBe(200);
  });

  it('answers only its own host names, and a malformed address with 400, living on', async () => {
    const port = Number(new URL(url).port);
    const get = (path: string, host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port, path, headers: { host } }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.once('error', reject).end();
      });
    expect(await get('/', 'evil.example')).toBe(403);
    expect(await get('/', `evil.example:${port}`)).toBe(403);
    expect(await get('/events', `127.0.0.1.evil.example:${port}`)).toBe(403);
    expect(await get('/', `localhost:${port}`)).toBe(200);
    expect(await get('/', `127.0.0.1:${port}`)).toBe(200);
    expect(await get('/doc/%E0%A4%A', `127.0.0.1:${port}`)).toBe(400);
    expect(await get('/', `127.0.0.1:${port}`)).toBe(200);
    expect(child.exitCode).toBe(null);
  });

  it('stops at once on Ctrl-C', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const started = Date.now();
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(Date.now() - started).toBeLessThan(3000);
    // Its scratch folder went with it.
    expect(await readFile(source(), 'utf8')).toContain('Good again');
  });
});
