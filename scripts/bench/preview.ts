/**
 * `npm run bench:preview`: how long from saving a source to the updated pages
 * in the browser of someone watching `zine preview`. It starts the preview
 * server on a copy of the essay, opens the viewer in a second browser, then
 * saves the copy with a new word in it, over and over, and times each save
 * until that word is in the viewer's pages. Prints every time and the median.
 *
 *   npm run bench:preview [-- FILE [RUNS]]
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
const preview = await startPreview({ source: copy, browser: await server, port: 0 });
const page = await (await viewer).newPage();
await page.goto(preview.url);
const shows = (word: string) =>
  page.waitForFunction(
    (w) => (document.querySelector('iframe')?.contentDocument?.body?.textContent ?? '').replace(/\u00ad/g, '').includes(w),
    { timeout: 120_000, polling: 'raf' },
    word,
  );
await shows('internationalist');
// Let the first layout's sheets finish, so that every run starts idle.
await new Promise((resolve) => setTimeout(resolve, 3000));

const times: number[] = [];
for (let run = 1; run <= runs; run += 1) {
  const word = `Zqx${run}word`;
  const started = performance.now();
  await writeFile(copy, original.replace('But damn, do I ever agree!', `But damn, do I ever agree! ${word}.`));
  await shows(word);
  const ms = performance.now() - started;
  times.push(ms);
  console.log(`save ${run}: ${Math.round(ms)} ms`);
  await new Promise((resolve) => setTimeout(resolve, 2500)); // the sheets of this layout
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`median from save to updated pages: ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms over ${runs} saves`);

await preview.close();
await closeBrowser(viewer);
await closeBrowser(server);
await rm(dir, { recursive: true, force: true });
