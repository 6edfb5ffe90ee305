import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { buildDocument } from '../../scripts/paginate/document.ts';
import { documentFonts, stageFonts } from '../../scripts/paginate/fonts.ts';
import { paginate, relayout, type LayoutReport } from '../../scripts/paginate/paginate.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { splitBody } from '../../scripts/preview/warm-tab.ts';
import { longNotes } from '../helpers/documents.ts';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(join(tmpdir(), 'zine-relayout-'));
});

afterAll(async () => {
  await closeBrowser(Promise.resolve(browser));
});

const ESSAY = readFileSync('source/unifying-the-struggle.md', 'utf8');

/** The document's HTML as the reading edition lays it out; the fonts are staged for all of `texts`. */
async function html(markdown: string, texts: string): Promise<string> {
  const { html: body, frontMatter } = await markdownStringToHtml(markdown);
  const fontFaces = await stageFonts({ dir, plan: await documentFonts({ lang: frontMatter.lang, text: texts }) });
  return buildDocument({ body, title: frontMatter.title, lang: frontMatter.lang, paper: 'letter', footnotes: frontMatter.footnotes, fontFaces });
}

async function freshLayout(document: string): Promise<{ page: Page; report: LayoutReport }> {
  const htmlPath = join(dir, `doc-${Math.random().toString(36).slice(2)}.html`);
  await writeFile(htmlPath, document);
  return paginate({ browser, htmlPath, allowedDir: dir });
}

/** Marks the tab's pages, to tell afterwards which were kept and which were laid out again. */
const markPages = (page: Page) =>
  page.$$eval('.pagedjs_pages > .pagedjs_page', (pages) => {
    for (const element of pages) element.setAttribute('data-laid-out-before', '');
  });
const keptPages = (page: Page) => page.$$eval('.pagedjs_pages > .pagedjs_page[data-laid-out-before]', (pages) => pages.length);

/**
 * Each page as laid out: its text, notes and folio, and what styles it (its
 * running head's strings, its note counters), the marks of this test and
 * the names Paged.js gives its style rules aside.
 */
const pageTexts = (page: Page) =>
  page.$$eval('.pagedjs_pages > .pagedjs_page', (pages) =>
    pages.map((element) =>
      element.outerHTML
        .replace(/ data-laid-out-before=""/g, '')
        .replace(/>\s+</g, '><')
        // Each tab's Paged.js names its style rules anew.
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid'),
    ),
  );

/** A fresh layout's pages and report, its tab closed. */
async function freshPages(document: string): Promise<{ texts: string[]; report: LayoutReport }> {
  const { page, report } = await freshLayout(document);
  const texts = await pageTexts(page);
  await page.close();
  return { texts, report };
}

describe('laying a new version out in the tab of the last one', () => {
  it('gives the pages a fresh tab gives, edit after edit', async () => {
    const edited = ESSAY.replace('But damn, do I ever agree!', 'But damn, do I ever agree! I said it twice, and I say it again here at more length.')
      .replace('Chrystul Kizer', 'Chrystul Kizer[^added]')
      .concat('\n[^added]: A note added by the edit, long enough to take two lines at the foot of its page, and maybe more than that.\n');
    const texts = `${ESSAY}\n${edited}`;
    const versions = [await html(ESSAY, texts), await html(edited, texts), await html(ESSAY, texts)];
    expect(new Set(versions.map((version) => splitBody(version).head)).size).toBe(1);

    // The last version is the first again: the warm tab's first layout is its fresh one.
    expect(versions[2]).toBe(versions[0]);
    const warm = await freshLayout(versions[0] ?? '');
    const first = { texts: await pageTexts(warm.page), report: warm.report };
    for (const [index, version] of versions.slice(1).entries()) {
      const report = await relayout({ page: warm.page, body: splitBody(version).body, name: 'essay' });
      const fresh = index === 1 ? first : await freshPages(version);
      expect(await pageTexts(warm.page)).toEqual(fresh.texts);
      expect(report).toEqual(fresh.report);
    }
    await warm.page.close();
  }, 120_000);

  it('lays out again only the pages an edit of the text reaches', async () => {
    const early = ESSAY.replace('But damn, do I ever agree!', 'But damn, do I ever agree! Truly.');
    const late = ESSAY.replace('On this International Working Women’s Day,', 'On this International Working Women’s Day, today,');
    const texts = [ESSAY, early, late].join('\n');
    const essay = await html(ESSAY, texts);
    const warm = await freshLayout(essay);
    // The essay again at the end: the warm tab's first layout is its fresh one.
    const first = { texts: await pageTexts(warm.page), report: warm.report };
    for (const [version, atLeast] of [
      [early, 8],
      [late, 6],
      [ESSAY, 6],
    ] as const) {
      const document = await html(version, texts);
      await markPages(warm.page);
      const report = await relayout({ page: warm.page, body: splitBody(document).body, name: 'essay' });
      const fresh = document === essay ? first : await freshPages(document);
      expect(await pageTexts(warm.page)).toEqual(fresh.texts);
      expect(report).toEqual(fresh.report);
      expect(await keptPages(warm.page)).toBeGreaterThanOrEqual(atLeast);
    }
    // Nothing changed: nothing is laid out again.
    await markPages(warm.page);
    await relayout({ page: warm.page, body: splitBody(await html(ESSAY, texts)).body, name: 'essay' });
    expect(await keptPages(warm.page)).toBe(warm.report.pageCount);
    await warm.page.close();
  }, 120_000);

  it('pads with the notes pages the new length needs, not those of the last', async () => {
    const body = (paragraphs: number) =>
      `<section class="cover"><h1 id="t">T</h1></section><main class="essay">${'<p>Words of the essay, set in a paragraph of some length to fill the page. </p>'.repeat(paragraphs * 14)}</main>` +
      '<section class="card-front">Card</section><section class="card-back">Back</section><section class="colophon">C</section><section class="back-cover">B</section>';
    const document = (paragraphs: number) => buildDocument({ body: body(paragraphs), title: 'T', lang: 'en', paper: 'letter', footnotes: 'stars', fontFaces: '' });
    const warm = await freshLayout(await document(1));
    const padding = new Set<number>();
    for (const paragraphs of [3, 2, 5, 4, 1]) {
      const version = await document(paragraphs);
      const report = await relayout({ page: warm.page, body: splitBody(version).body, name: 'T' });
      const fresh = await freshLayout(version);
      expect(await pageTexts(warm.page)).toEqual(await pageTexts(fresh.page));
      expect(report).toEqual(fresh.report);
      padding.add(report.notesPages);
      await fresh.page.close();
    }
    // Versions needing 0 to 3 notes pages followed each other: repeated ones went with their layout.
    expect(padding.size).toBeGreaterThan(2);
    await warm.page.close();
  }, 120_000);

  it('closes a tab whose new version asks for a file outside its folder, never to lay out in it again', async () => {
    const document = await html(ESSAY, ESSAY);
    const warm = await freshLayout(document);
    const outside = splitBody(document).body.replace('<main class="essay"', '<img src="file:///etc/hostname"><main class="essay"');
    await expect(relayout({ page: warm.page, body: outside, name: 'essay' })).rejects.toThrow(/outside the build/);
    await expect.poll(() => warm.page.isClosed()).toBe(true);
  }, 60_000);

  it('sets notes continued overleaf again from the start', async () => {
    const document = await html(longNotes(3000, 12, 360), longNotes(3000, 12, 360));
    const warm = await freshLayout(document);
    const before = await pageTexts(warm.page);
    const report = await relayout({ page: warm.page, body: splitBody(document).body, name: 'long notes' });
    expect(report.notesContinued).toBeGreaterThan(0);
    expect(report.notesContinued).toBe(warm.report.notesContinued);
    expect(await pageTexts(warm.page)).toEqual(before);
    await warm.page.close();
  }, 120_000);
});
