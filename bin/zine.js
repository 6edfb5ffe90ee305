#!/usr/bin/env node
// The `zine` command: runs the compiled bundle dist/zine.cjs, made from
// scripts/ by `npm install` and `npm run build` (scripts/setup/compile.mjs),
// with V8's code cache of it, which a build writes (scripts/setup/code-cache.mjs).
import { existsSync } from 'node:fs';
import { setTimeout } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadBundle } from '../scripts/setup/code-cache.mjs';

const bundle = fileURLToPath(new URL('../dist/zine.cjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('zine: dist/zine.cjs is missing: run `npm install` or `npm run build` in the zinepress folder first');
  process.exit(3);
}
const argv = process.argv.slice(2);
// A build reads its first source in a worker that loads a bundle of its own
// (dist/markdown-worker.cjs): started now, it loads beside this thread rather
// than after it (markdown/worker.ts).
const loader = fileURLToPath(new URL('../scripts/setup/code-cache.mjs', import.meta.url));
const workerBundle = fileURLToPath(new URL('../dist/markdown-worker.cjs', import.meta.url));
const early = argv[0] === 'build' && !argv.some((word) => word === '--help' || word === '-h')
  ? new Worker(`import(${JSON.stringify(pathToFileURL(loader).href)}).then((cache) => cache.loadWorkerBundle(${JSON.stringify(workerBundle)}));`, { eval: true, workerData: { zinepressMarkdown: true } })
  : undefined;
// One that failed to load is found ended when it is taken; waiting for a source, it never holds the process.
early?.on('error', () => undefined);
early?.unref();
const { exports: cli } = loadBundle(bundle, { writeCache: argv[0] === 'build' });
if (early !== undefined) cli.adoptMarkdownWorker(early);
process.exitCode = await cli.main(argv);
// The command is done: a timer a library left behind (puppeteer's, for a tab
// still opening when a failed build stopped the browser) must not keep the
// process alive. It ends now if nothing is left, and at most half a second on.
setTimeout(() => process.exit(), 500).unref();
