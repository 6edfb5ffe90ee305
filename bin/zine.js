#!/usr/bin/env node
// The `zine` command: runs the compiled bundle dist/zine.cjs, made from
// scripts/ by `npm install` and `npm run build` (scripts/setup/compile.mjs),
// with V8's code cache of it, which a build writes (scripts/setup/code-cache.mjs).
import { existsSync } from 'node:fs';
import { setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../scripts/setup/code-cache.mjs';

const bundle = fileURLToPath(new URL('../dist/zine.cjs', import.meta.url));
if (!existsSync(bundle)) {
  console.error('zine: dist/zine.cjs is missing: run `npm install` or `npm run build` in the zinepress folder first');
  process.exit(3);
}
const argv = process.argv.slice(2);
const { exports: cli } = loadBundle(bundle, { writeCache: argv[0] === 'build' });
process.exitCode = await cli.main(argv);
// The command is done: a timer a library left behind (puppeteer's, for a tab
// still opening when a failed build stopped the browser) must not keep the
// process alive. It ends now if nothing is left, and at most half a second on.
setTimeout(() => process.exit(), 500).unref();
