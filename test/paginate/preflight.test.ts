/**
 * The photocopy preflight, run in real Chromium on hand-made pages shaped
 * like Paged.js's (a page box, its content area), each holding one problem;
 * and once end to end, where a low-resolution image is warned about at its
 * place in the markdown.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LayoutReport } from '../../scripts/paginate/layout-report.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { inPageModule } from '../helpers/in-page-module.ts';
import { GOOD, zine } from '../helpers/zine.ts';

let browser: Promise<Browser>;
let script: string;

beforeAll(async () => {
  browser = launchBrowser();
  script = await inPageModule({ file: 'preflight.ts', globalName: 'zinePreflight' });
});

afterAll(async () => {
  await closeBrowser(browser);
});

/** A page 5.5 × 8.5 in with a 0.5 in margin, holding `inner` in its content area (an absolutely placed element may sit anywhere). */
async function findings(inner: string): Promise<LayoutReport['preflight']> {
  const page = await (await browser).newPage();
  try {
    await page.setContent(`<!doctype html><body style="margin:0">
<div class="pagedjs_page" style="position:relative;width:5.5in;height:8.5in;background:#fff">
<div class="pagedjs_page_content" style="position:absolute;inset:0.5in">${inner}</div></div></body>`);
    await page.addScriptTag({ content: script });
    return (await page.evaluate('zinePreflight.preflight([...document.querySelectorAll(".pagedjs_page")])')) as LayoutReport['preflight'];
  } finally {
    await page.close();
  }
}

describe('the photocopy preflight', () => {
  it('finds nothing in black text and firm rules well inside the page', async () => {
    expect(await findings('<p style="color:#111">Text.</p><div style="border-top:0.5pt solid #555">&nbsp;</div>')).toEqual([]);
  });

  it('finds text that fades in gray, with its block’s place in the markdown', async () => {
    const found = await findings('<p data-source="12:1" style="color:#bbb">Pale text.</p>');
    expect(found.map(({ kind, source }) => [kind, source])).toEqual([['low-contrast', '12:1']]);
    // Red on white looks strong but copies to a mid gray: still above 3:1.
    expect(await findings('<p style="color:#d00">Red text.</p>')).toEqual([]);
  });

  it('finds a drawn line thinner than 0.25 pt and a pale rule', async () => {
    const line = '<svg width="200" height="20" viewBox="0 0 200 20"><line x1="0" y1="10" x2="200" y2="10" stroke="#000" stroke-width="0.2"/></svg>';
    const found = await findings(`${line}<div style="border-top:1pt solid #ccc">&nbsp;</div>`);
    expect(found.map(({ kind }) => kind)).toEqual(['hairline', 'low-contrast']);
  });

  it('measures how near each edge of the page its text comes, with the nearest block', async () => {
    const page = await (await browser).newPage();
    try {
      await page.setContent(`<!doctype html><body style="margin:0">
<div class="pagedjs_page" style="position:relative;width:5.5in;height:8.5in">
<div class="pagedjs_page_content" style="position:absolute;inset:0.5in"><p style="margin:0">Inside.</p>
<p data-source="7:1" style="position:fixed;top:0.1in;left:1in;margin:0">Up high.</p></div></div></body>`);
      await page.addScriptTag({ content: script });
      const [insets] = (await page.evaluate('zinePreflight.pageInsets([...document.querySelectorAll(".pagedjs_page")])')) as LayoutReport['insets'];
      expect(insets?.page).toBe(1);
      expect(insets?.sides.top).toEqual({ gap: 7.2, source: '7:1' });
      expect(insets?.sides.left?.gap).toBe(36);
      expect(insets?.sides.right?.gap).toBe(36);
      expect(insets?.sides.bottom?.gap).toBeGreaterThan(8 * 72 - 36 - 20);
    } finally {
      await page.close();
    }
  });

  it('measures from the trim (the page box), not from the bleed around it', async () => {
    const page = await (await browser).newPage();
    try {
      // As Paged.js lays out a page with a 0.125 in bleed: the page larger, its page box inside it at the trim.
      await page.setContent(`<!doctype html><body style="margin:0">
<div class="pagedjs_page" style="position:relative;width:5.75in;height:8.75in">
<div class="pagedjs_pagebox" style="position:absolute;left:0.125in;top:0.125in;width:5.5in;height:8.5in">
<div class="pagedjs_page_content" style="position:absolute;inset:0.5in"><p style="margin:0">Inside.</p></div></div></div></body>`);
      await page.addScriptTag({ content: script });
      const [insets] = (await page.evaluate('zinePreflight.pageInsets([...document.querySelectorAll(".pagedjs_page")])')) as LayoutReport['insets'];
      expect(insets?.sides.top?.gap).toBe(36);
      expect(insets?.sides.left?.gap).toBe(36);
    } finally {
      await page.close();
    }
  });

  it('warns of an image under 200 dpi at its place in the markdown, named as the markdown names it, and builds anyway', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-preflight-'));
    await mkdir(join(dir, 'img'));
    const small = new PNG({ width: 60, height: 40 });
    small.data.fill(90);
    await writeFile(join(dir, 'img', 'my small.png'), PNG.sync.write(small));
    await writeFile(join(dir, 'zine.md'), GOOD.replace('Some text with a note.', '![A small picture](<img/my small.png>)\n\nSome text with a note.'));
    const result = await zine(['build', 'zine.md', '--formats', 'reading', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^zine\.md:6:1: photocopy: img\/my small\.png prints at \d+ dpi; a photocopy needs 200 or more \(page \d+\)$/m);
  });

  it('warns of a line too thin to copy inside an SVG image, measured at the size the image prints', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-preflight-'));
    await mkdir(join(dir, 'img'));
    // 100 units across: a 0.05 unit line prints at about 0.15 pt on a 4.3 in wide text block; 1 unit, at 3 pt.
    const svg = (stroke: number) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50"><g transform="scale(1)"><line x1="0" y1="25" x2="100" y2="25" stroke="#000" stroke-width="${stroke}"/></g></svg>`;
    await writeFile(join(dir, 'img', 'thin.svg'), svg(0.05));
    await writeFile(join(dir, 'img', 'firm.svg'), svg(1));
    const figures = '![A thin map](img/thin.svg)\n\n![A firm map](img/firm.svg)\n\nSome text with a note.';
    await writeFile(join(dir, 'zine.md'), GOOD.replace('Some text with a note.', figures));
    const result = await zine(['build', 'zine.md', '--formats', 'reading', '--out', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('photocopy'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^zine\.md:6:1: photocopy: img\/thin\.svg draws a 0\.1\d pt line at the size it prints, too thin to copy; use 0\.25 pt or more \(page \d+\)$/);
  });
});
