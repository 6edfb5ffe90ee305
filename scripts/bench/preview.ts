/**
 * `npm run bench:preview`: how long from saving a source to the updated pages
 * in the browser of someone watching `zine preview`. It starts the preview
 * server on a copy of the essay, opens the viewer in a second browser, then
 * saves the copy with a new word in it, over and over, and times each save
 * until that word is in the viewer's pages. Each save waits for the other
 * formats of the one before (booklet, mini zine, slips) to be shown; then as
 * many saves follow each other as soon as the pages show, while those
 * formats are still being made. Prints every time, the median and range of
 * each, and the load average.
 *
 *   npm run bench:preview [-- FILE [RUNS]]
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { closeBrowser, launchBrowser } from '../browser/browser.ts';
import { startPreview } from '../preview/server.ts';

const [file = 'source/unifying-the-struggle.md', runsText = '9'] = process.argv.slice(2);
const runs = Number(runsText);

const dir = await mkdtemp(join(tmpdir(), 'zinepress-bench-preview-'));
const copy = join(dir, basename(file));
await copyFile(file, copy);
const original = await readFile(copy, 'utf8');
for (const image of original.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)) {
  const path = image[1] ?? '';
  if (!/^[a-z]+:/.test(path)) await copyFile(join(dirname(file), path), join(dir, path)).catch(() => undefined);
}

const server = launchBrowser();
const viewer = launchBrowser();
// The markdown read in workers of the compiled bundle, as `zine preview` reads it (npm run compile first).
const preview = await startPreview({ source: copy, browser: await server, port: 0, bundle: join(import.meta.dirname, '..', '..', 'dist', 'markdown-worker.cjs') });
const page = await (await viewer).newPage();
await page.goto(preview.url);
const shows = (word: string) =>
  page.waitForFunction(
    (w) => (document.querySelector('iframe')?.contentDocument?.body?.textContent ?? '').replace(/\u00ad/g, '').includes(w),
    { timeout: 120_000, polling: 'raf' },
    word,
  );
/** Waits until the viewer shows the other formats of the layout whose pages it shows. */
const formatsShown = () =>
  page.waitForFunction(() => document.body.dataset.formats !== undefined && document.body.dataset.formats === document.body.dataset.version, {
    timeout: 300_000,
    polling: 100,
  });
await shows('internationalist');
await formatsShown();

async function saves(label: string, idle: boolean): Promise<void> {
  const times: number[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const word = `Zqx${label}${run}word`;
    const started = performance.now();
    await writeFile(copy, original.replace('But damn, do I ever agree!', `But damn, do I ever agree! ${word}.`));
    await shows(word);
    const ms = performance.now() - started;
    times.push(ms);
    console.log(`${label} save ${run}: ${Math.round(ms)} ms`);
    // Settled: the next save starts with nothing else being made.
    if (idle) await formatsShown();
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
  const range = `${Math.round(sorted[0] ?? 0)}–${Math.round(sorted.at(-1) ?? 0)} ms`;
  console.log(`${label}: median from save to updated pages ${median} ms (${range}) over ${runs} saves`);
}

const load = () => loadavg().map((value) => value.toFixed(2)).join(', ');
console.log(`load average before: ${load()}`);
await saves('settled', true);
await saves('while the formats are made', false);
console.log(`load average after: ${load()}`);

await preview.close();
await closeBrowser(viewer);
await closeBrowser(server);
await rm(dir, { recursive: true, force: true });
