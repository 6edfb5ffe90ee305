import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lettersSetTwice } from '../../scripts/formats/checks.ts';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { buildDocument } from '../../scripts/paginate/document.ts';
import { stageFonts } from '../../scripts/paginate/fonts.ts';
import { paginate } from '../../scripts/paginate/paginate.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { deepList, essayRepeated, longNotes, longWords, manyNotes, repeatedSentence } from '../helpers/documents.ts';

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
  const fontFaces = await stageFonts({ dir, lang: frontMatter.lang, text: `${frontMatter.title}\n${body}` });
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

/** What a reader would check in any layout: all the text, once, every note by its call, whole. */
function expectWhole(report: Awaited<ReturnType<typeof layOut>>) {
  expect(report.printedLetters).toBeGreaterThanOrEqual(report.sourceLetters);
  expect(lettersSetTwice(report)).toBe(0);
  expect(report.lost).toEqual([]);
  expect(report.notesAway).toEqual([]);
  expect(report.clippedNotes).toEqual([]);
}

/**
 * Full pages: no line of a paragraph alone at a page's top or foot, and no
 * page more than 2 lines short but for a reason the build reports.
 */
function expectFull(report: Awaited<ReturnType<typeof layOut>>) {
  expect(report.loneLines).toEqual([]);
  expect(report.shortPages.filter((page) => page.reason === 'unexplained')).toEqual([]);
}

describe('documents that are long where the essay is not', () => {
  it('lays out 40 notes of up to 360 words in 10,000 words, continuing the longest on the next page', async () => {
    const report = await layOut(longNotes());
    expectWhole(report);
    expectFull(report);
    expect(report.notesContinued).toBeGreaterThan(0);
  }, 120_000);

  it('lays out the essay repeated 20 times, about 120 pages with 60 notes', async () => {
    const report = await layOut(essayRepeated(20));
    expectWhole(report);
    expectFull(report);
    expect(report.pageCount).toBeGreaterThan(100);
  }, 180_000);

  it('lays out a list nested 40 deep, all of it on the pages', async () => {
    const report = await layOut(deepList(40));
    expectWhole(report);
    expect(report.loneLines).toEqual([]);
  }, 60_000);

  it('breaks a 1,500-letter word, a 1,200-character link and a 370-character line of code instead of losing them', async () => {
    const report = await layOut(longWords());
    expectWhole(report);
    expect(report.lost).toEqual([]);
  }, 60_000);

  it.each([false, true])('sets a paragraph that repeats one sentence over pages once, italics %s', async (emphasis) => {
    const report = await layOut(repeatedSentence(400, emphasis));
    expect(report.pageCount).toBeGreaterThan(8);
    // Every letter printed, and no more than a hyphen or two per page: none set twice.
    expectWhole(report);
    expect(report.printedLetters - report.sourceLetters).toBeLessThanOrEqual(2 * report.pageCount);
    expect(report.loneLines).toEqual([]);
  }, 60_000);

  it('lays out 1,500 notes in 150 paragraphs', async () => {
    const report = await layOut(manyNotes());
    expectWhole(report);
    expectFull(report);
    // A line at a page's foot whose note cannot begin there goes over, with a
    // line more where it would be alone overleaf; the note then begins with
    // one line, or the page's notes are set tighter, before a page is left
    // more than 2 lines short for it.
    expect(report.shortPages.filter((page) => page.reason !== 'end of the text')).toEqual([]);
  }, 300_000);

  it('lays out the essay with full pages, its last page of text not a line or two', async () => {
    const report = await layOut(readFileSync('source/unifying-the-struggle.md', 'utf8'));
    expectWhole(report);
    expectFull(report);
    expect(report.shortPages.filter((page) => page.reason !== 'end of the text')).toEqual([]);
  }, 120_000);
});
