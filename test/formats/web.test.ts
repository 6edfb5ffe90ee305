/**
 * The web edition as a reader opens it: web/index.html from file:// in real
 * headless Chromium, at a phone's width and a laptop's, after a real build.
 */
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { watchedPage } from '../helpers/watched-page.ts';
import { GOOD, zine } from '../helpers/zine.ts';

const ESSAY = fileURLToPath(new URL('../../source/unifying-the-struggle.md', import.meta.url));
const ARABIC = fileURLToPath(new URL('../fixtures/build/rtl-arabic/udhr-ar.md', import.meta.url));
const DOT = fileURLToPath(new URL('../fixtures/markdown/images/img/dot.png', import.meta.url));

/** Everything that could push a page sideways: a long link, a long word, a wide table, code, an image. */
const WIDE = GOOD.replace(
  'Some text with a note.',
  [
    `A link: https://example.org/${'workers-of-the-world/'.repeat(40)} and a word: ${'solidarity'.repeat(60)}.`,
    `| ${Array.from({ length: 12 }, (_, i) => `Column heading ${i + 1}`).join(' | ')} |`,
    `|${' --- |'.repeat(12)}`,
    `| ${Array.from({ length: 12 }, () => 'international solidarity').join(' | ')} |`,
    '',
    '```',
    `const line = "${'x'.repeat(300)}";`,
    '```',
    '',
    '![A small dot](img/dot.png)',
    '',
    'Some text with a note.',
  ].join('\n'),
);

let dir: string;
let browser: Promise<Browser>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-web-'));
  browser = launchBrowser();
  await copyFile(ESSAY, join(dir, 'essay.md'));
  await copyFile(ARABIC, join(dir, 'arabic.md'));
  await writeFile(join(dir, 'wide.md'), WIDE);
  await mkdir(join(dir, 'img'));
  await copyFile(DOT, join(dir, 'img', 'dot.png'));
  const built = await zine(['build', 'essay.md', 'arabic.md', 'wide.md', '--formats', 'web', '--out', 'out'], dir);
  // Arabic has no hyphenation patterns, which the build says; nothing else may be said.
  expect(built.stderr.split('\n').filter((line) => line !== '' && !line.includes('no hyphenation patterns'))).toEqual([]);
  expect(built.code).toBe(0);
});

afterAll(async () => {
  await closeBrowser(browser);
});

async function open(name: string, width: number) {
  const { page, requests, errors } = await watchedPage(await browser);
  await page.setViewport({ width, height: 800 });
  const folder = join(dir, 'out', name, 'web');
  await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  const seen = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => Number(heading.tagName[1])),
    calls: [...document.querySelectorAll<HTMLAnchorElement>('a[role="doc-noteref"]')].map((a) => ({ id: a.id, href: a.getAttribute('href') })),
    backs: [...document.querySelectorAll<HTMLAnchorElement>('a[role="doc-backlink"]')].map((a) => ({ note: a.closest('li')?.id, href: a.getAttribute('href') })),
    images: [...document.images].map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })),
    scripts: document.scripts.length,
    fonts: [...document.fonts].filter((font) => font.status === 'loaded').map((font) => font.family),
    card: document.querySelector('#card h2')?.textContent ?? '',
  }));
  await page.close();
  return { ...seen, requests, errors, folder };
}

describe('the web edition', () => {
  it('is written for every document, with its fonts and images beside it', async () => {
    for (const name of ['essay', 'arabic', 'wide']) expect(await readdir(join(dir, 'out', name, 'web'))).toContain('index.html');
    expect(await readdir(join(dir, 'out', 'wide', 'web', 'img'))).toEqual(['dot.png']);
  });

  for (const width of [320, 1024]) {
    it(`never scrolls sideways at ${width} px, whatever the text holds`, async () => {
      for (const name of ['essay', 'arabic', 'wide']) {
        const seen = await open(name, width);
        expect(seen.scrollWidth, name).toBeLessThanOrEqual(seen.clientWidth);
        expect(seen.errors, name).toEqual([]);
      }
    });
  }

  it('links every note call to its note and every note back to its call', async () => {
    const seen = await open('essay', 320);
    expect(seen.calls).toEqual([1, 2, 3].map((n) => ({ id: `call-${n}`, href: `#note-${n}` })));
    expect(seen.backs).toEqual([1, 2, 3].map((n) => ({ note: `note-${n}`, href: `#call-${n}` })));
  });

  it('has the document’s language and direction, headings in order, the card, and no script', async () => {
    const essay = await open('essay', 1024);
    expect([essay.lang, essay.dir]).toEqual(['en', 'ltr']);
    expect(essay.headings[0]).toBe(1);
    essay.headings.forEach((level, i) => i > 0 && expect(level).toBeLessThanOrEqual((essay.headings[i - 1] ?? 1) + 1));
    expect(essay.card).toBe('How to Send Mail to Chrystul Kizer');
    expect(essay.scripts).toBe(0);
    const arabic = await open('arabic', 1024);
    expect([arabic.lang, arabic.dir]).toEqual(['ar', 'rtl']);
    expect(arabic.fonts).toContain('Source Serif 4');
  });

  it('loads its images and fonts from its own folder and nothing from anywhere else', async () => {
    const seen = await open('wide', 320);
    expect(seen.images).toEqual([{ alt: 'A small dot', loaded: true }]);
    expect(seen.fonts.length).toBeGreaterThan(0);
    const own = pathToFileURL(seen.folder).href;
    expect(seen.requests.filter((url) => !url.startsWith(`${own}/`))).toEqual([]);
  });
});
