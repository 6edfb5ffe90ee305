import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { buildDocument } from '../../scripts/paginate/document.ts';
import { documentFonts, stageFonts } from '../../scripts/paginate/fonts.ts';
import { paginate } from '../../scripts/paginate/paginate.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { repeatedSentence } from '../helpers/documents.ts';
import { expectFull, expectWhole } from '../helpers/layout-report.ts';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'zine-long-'));
});

afterAll(async () => {
  await closeBrowser(Promise.resolve(browser));
});

/** Lays out a markdown document as the reading edition does, and returns the layout report. */
async function layOut(markdown: string) {
  const { html: body, frontMatter } = await markdownStringToHtml(markdown);
  const fontFaces = await stageFonts({ dir, plan: await documentFonts({ lang: frontMatter.lang, text: `${frontMatter.title}\n${body}` }) });
  const html = await buildDocument({
    body,
    title: frontMatter.title,
    lang: frontMatter.lang,
    paper: 'letter',
    footnotes: frontMatter.footnotes,
    fontFaces,
  });
  const htmlPath = join(dir, `doc-${Math.random().toString(36).slice(2)}.html`);
  await writeFile(htmlPath, html);
  const { page, report } = await paginate({ browser, htmlPath, allowedDir: dir });
  await page.close();
  return report;
}

/**
 * The long documents test/build-long.test.ts builds (long notes, 1,500 notes, the essay 20 times, a list 40
 * deep, long words) are checked there, in the layout the build made of them: not laid out here again.
 */
describe('documents that are long where the essay is not', () => {
  it.each([false, true])('sets a paragraph that repeats one sentence over pages once, italics %s', async (emphasis) => {
    const report = await layOut(repeatedSentence(400, emphasis));
    expect(report.pageCount).toBeGreaterThan(8);
    // Every letter printed, and no more than a hyphen or two per page: none set twice.
    expectWhole(report);
    expect(report.printedLetters - report.sourceLetters).toBeLessThanOrEqual(2 * report.pageCount);
    expect(report.loneLines).toEqual([]);
  }, 60_000);

  it('lays out the essay with full pages, its last page of text not a line or two', async () => {
    const report = await layOut(readFileSync('source/unifying-the-struggle.md', 'utf8'));
    expectWhole(report);
    expectFull(report);
    expect(report.shortPages.filter((page) => page.reason !== 'end of the text')).toEqual([]);
  }, 120_000);
});
