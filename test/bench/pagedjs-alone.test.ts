/**
 * The bench's Paged.js floors (scripts/bench/runners/pagedjs-alone.mjs):
 * stock Paged.js 0.4.3, or the patched copy zine lays out with, lays the HTML
 * out, and Chromium prints the pages as Paged.js made them, not as it would
 * print the HTML by itself.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { launchArgs } from '../../scripts/browser/browser.ts';
import { findBrowser } from '../../scripts/browser/find-browser.ts';
import { fontconfigEnv } from '../../scripts/browser/fontconfig.ts';
import { readPages } from '../helpers/pdf.ts';

const RUNNER = join(import.meta.dirname, '..', '..', 'scripts', 'bench', 'runners', 'pagedjs-alone.mjs');
const HTML = join(import.meta.dirname, '..', 'fixtures', 'bench', 'pagedjs-alone', 'three-pages.html');
const PATCHED = join(import.meta.dirname, '..', '..', 'dist', 'paged.polyfill.patched.js');
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe.each([
  { which: 'stock', polyfill: [] },
  { which: 'patched', polyfill: [PATCHED] },
])('pagedjs-alone runner, $which', ({ polyfill }) => {
  it('prints the pages Paged.js lays out: three sections, each from a new page, at the @page size', async () => {
    const browser = await findBrowser();
    expect(browser).toBeDefined();
    const dir = await mkdtemp(join(tmpdir(), 'zinepress-pagedjs-alone-'));
    dirs.push(dir);
    const out = join(dir, 'out.pdf');
    const args = launchArgs(process.getuid?.() === 0).join(',');
    await promisify(execFile)(process.execPath, [RUNNER, browser?.executablePath ?? '', HTML, out, args, ...polyfill], { env: { ...process.env, ...(await fontconfigEnv()) } });
    const pages = await readPages(await readFile(out));
    expect(pages.map((page) => page.text.match(/One|Two|Three/)?.[0])).toEqual(['One', 'Two', 'Three']);
    // 5.5 × 8.5 in, in points.
    for (const page of pages) expect([page.width, page.height]).toEqual([396, 612]);
    // Laid out by Paged.js, not printed by Chromium alone: the cross-reference has its page number.
    expect(pages[0]?.text).toContain('The third is on page 3.');
  }, 60_000);
});
