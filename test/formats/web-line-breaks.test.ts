/**
 * The web edition breaks lines by the rules print uses: Korean only between
 * words (print's `word-break: keep-all`), read from a phone-wide page.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { udhrMarkdown } from '../../scripts/corpus/udhr.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';

let dir: string;
const browser = launchBrowser();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-web-breaks-'));
  const html = await readFile(fileURLToPath(new URL('declaration/kor.html', import.meta.resolve('udhr'))), 'utf8');
  await writeFile(join(dir, 'kor.md'), udhrMarkdown(html, { code: 'kor', bcp47: 'ko', name: 'Korean' }) ?? '');
  // Built in the test's process: the web edition is what is read here (a `zine` run added its process and its
  // own markdown worker).
  await build({ files: [join(dir, 'kor.md')], out: join(dir, 'out'), formats: ['web'], progress: false, gallery: false, reporter: { warn: () => undefined } });
}, 120_000);

afterAll(() => closeBrowser(browser));

it('breaks Korean lines only between words on a 320 px screen', async () => {
  const page = await (await browser).newPage();
  await page.setViewport({ width: 320, height: 800 });
  await page.goto(pathToFileURL(join(dir, 'out', 'kor', 'web', 'index.html')).href, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready);
  // Every place a line ends inside a paragraph: the characters on either side of the break.
  const breaks = await page.evaluate(() => {
    const found: string[] = [];
    for (const paragraph of document.querySelectorAll('main p')) {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
      let previous: { top: number; char: string } | undefined;
      let spaced = false;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let index = 0; index < text.length; index += 1) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const rect = range.getClientRects()[0];
          const char = text[index] ?? '';
          if (/\s/.test(char)) spaced = true;
          if (!rect || /\s/.test(char)) continue;
          if (previous && rect.top > previous.top + 2) found.push(`${previous.char}${spaced ? ' ' : ''}|${char}`);
          previous = { top: rect.top, char };
          spaced = false;
        }
      }
    }
    return found;
  });
  await page.close();
  expect(breaks.length).toBeGreaterThan(50);
  // A break between words has a space before it; two Hangul syllables met at a break with none split a word.
  const inWords = breaks.filter((pair) => /^[\uAC00-\uD7A3]\|[\uAC00-\uD7A3]$/u.test(pair));
  expect(inWords).toEqual([]);
}, 60_000);
