/**
 * The markdown stage in a worker (dist/markdown-worker.cjs, which the tests' setup
 * compiles): the same result and messages as in this thread, and a stage that
 * runs too long stopped at its time limit.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { formatMessage, MarkdownError, markdownToHtml } from '../../scripts/markdown/index.ts';
import { adoptMarkdownWorker, createMarkdownWorkers, markdownInWorker } from '../../scripts/markdown/worker.ts';

const bundle = join(import.meta.dirname, '..', '..', 'dist', 'markdown-worker.cjs');
const FRONT = '---\ntitle: T\n---\n\n';

describe('the markdown stage in a worker', () => {
  it('loads a bundle of its own, the stage without the browser, the layout and the PDF code', () => {
    const text = readFileSync(bundle, 'utf8');
    // esbuild heads each module it bundles with a comment naming its file.
    const modules = (folder: string) => text.split('\n').filter((line) => line.startsWith(`// ${folder}`)).length;
    expect(modules('scripts/markdown/')).toBeGreaterThan(20);
    expect(modules('node_modules/remark-parse/')).toBeGreaterThan(0);
    for (const left of ['node_modules/puppeteer-core/', 'node_modules/pdf-lib/', 'node_modules/pdfjs-dist/', 'scripts/paginate/', 'scripts/pdf/', 'scripts/formats/', 'scripts/browser/']) expect(modules(left)).toBe(0);
    expect(statSync(bundle).size).toBeLessThan(statSync(join(import.meta.dirname, '..', '..', 'dist', 'zine.cjs')).size / 1.5);
  });

  it('gives the HTML, the front matter and the warnings at their places', async () => {
    const text = `${FRONT}Some text.[^a]\n\n<b>raw</b>\n\n[^a]: The note.\n`;
    const result = await markdownInWorker({ path: 'x.md', text, bundle });
    const here = await markdownToHtml({ path: 'x.md', text });
    expect(result.frontMatter).toEqual(here.frontMatter);
    expect(result.html).toBe(here.html);
    const printed = (file: typeof here.file) => file.messages.map((message) => formatMessage(file, message));
    expect(printed(result.file)).toEqual(printed(here.file));
    expect(printed(result.file).some((line) => line.startsWith('x.md:7:1: '))).toBe(true);
  });

  it('gives content errors as a MarkdownError with their places', async () => {
    const attempt = markdownInWorker({ path: 'x.md', text: `${FRONT}${'>'.repeat(200)} deep\n`, bundle });
    await expect(attempt).rejects.toBeInstanceOf(MarkdownError);
    await expect(attempt).rejects.toThrow('x.md:5:101: blockquotes nested 200 deep; the limit is 100');
  });

  it('reads the first source in the worker bin/zine.js started before it loaded the bundle itself', async () => {
    // As bin/zine.js starts it, for `zine build`.
    const early = new Worker(bundle, { workerData: { zinepressMarkdown: true } });
    early.unref();
    const answered = new Promise<unknown>((resolve) => early.once('message', resolve));
    adoptMarkdownWorker(early);
    const workers = createMarkdownWorkers({ bundle, jobs: 1 });
    const result = await workers.run({ path: 'x.md', text: `${FRONT}Early text.\n` });
    expect(result.html).toContain('Early text.');
    // The answer came from the adopted worker, which then ends like any other.
    const waited = new Promise((resolve) => setTimeout(() => resolve('no answer from it'), 10_000).unref());
    await expect(Promise.race([answered, waited])).resolves.toHaveProperty('ok');
    workers.close();
  });

  it('stops a stage that runs past its time limit', async () => {
    const n = 20_000;
    const text = `${FRONT}${Array.from({ length: n }, (_, i) => `w[^${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n`;
    const started = Date.now();
    await expect(markdownInWorker({ path: 'notes.md', text, bundle, timeLimit: 1500 })).rejects.toThrow(
      'notes.md: reading the markdown took longer than 1.5 s and was stopped',
    );
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('bounds a small source as well: 3,000 notes in one paragraph, under 64 KB', async () => {
    const n = 3000;
    const text = `${FRONT}${Array.from({ length: n }, (_, i) => `w[^${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(64_000);
    const workers = createMarkdownWorkers({ bundle, timeLimit: 1000 });
    const started = Date.now();
    await expect(workers.run({ path: 'small.md', text })).rejects.toThrow('small.md: reading the markdown took longer than 1 s and was stopped');
    expect(Date.now() - started).toBeLessThan(3000);
    workers.close();
  });

  it('keeps one worker for the preview\'s saves, warm, and starts another after one stopped at its time limit', async () => {
    // The note-heavy text below keeps its worker busy until the limit: 4 s, where the essay's first run took
    // 0.6 s at a load average of 6 (a limit of 10 s spent 6 s more of the suite's CPU for nothing).
    const workers = createMarkdownWorkers({ bundle, jobs: Number.POSITIVE_INFINITY, reuse: true, timeLimit: 4000 });
    const essay = { path: join(import.meta.dirname, '..', '..', 'source', 'unifying-the-struggle.md') };
    const timed = async () => {
      const started = performance.now();
      await workers.run(essay);
      return performance.now() - started;
    };
    const cold = await timed();
    const warm = Math.min(await timed(), await timed());
    // A new worker per save reads the bundle, the hyphenation patterns and the fonts' tables again each time.
    expect(warm).toBeLessThan(cold / 2);
    const n = 20_000;
    const long = `${FRONT}${Array.from({ length: n }, (_, i) => `w[^${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n`;
    await expect(workers.run({ path: 'notes.md', text: long })).rejects.toThrow('took longer than 4 s');
    expect((await workers.run({ path: 'after.md', text: `${FRONT}After.\n` })).html).toContain('After.');
    workers.close();
  }, 60_000);

  it('reads each of a build\'s sources in a worker, the next started ahead', async () => {
    const workers = createMarkdownWorkers({ bundle, jobs: 3 });
    const texts = ['One.', 'Two.', 'Three.'].map((body, i) => ({ path: `${i}.md`, text: `${FRONT}${body}\n` }));
    const results = await Promise.all(texts.map((text) => workers.run(text)));
    expect(results.map((result) => ['One.', 'Two.', 'Three.'].filter((word) => result.html.includes(word)))).toEqual([['One.'], ['Two.'], ['Three.']]);
    workers.close();
  });
});
