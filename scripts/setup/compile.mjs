#!/usr/bin/env node
// Compiles the TypeScript once, so that `zine` starts without compiling
// anything: run by `npm install` (postinstall) and by `npm run build`.
//
//   dist/zine.cjs           the command (scripts/cli.ts) with the dependencies
//                           that do not look for files of their own, and the
//                           in-page script (scripts/paginate/in-page/) inlined as
//                           a string; one CommonJS file, so that bin/zine.js can
//                           run it with V8's code cache (scripts/setup/code-cache.mjs)
//   dist/markdown-worker.cjs
//                           what the markdown stage's workers load
//                           (scripts/markdown/worker-main.ts): the stage alone,
//                           without the browser, the formats and the PDF code
//   dist/ensure-browser.cjs the install step that finds or installs Chromium
//   dist/paged.polyfill.patched.js
//                           Paged.js 0.4.3's polyfill with the project's patches
//                           (scripts/paginate/pagedjs/patches.ts); a patch that no
//                           longer matches the package's file fails the compile
//   dist/fonts.json         the font catalogue read from the @fontsource packages
//                           (scripts/fonts/font-data.ts), which every build would
//                           otherwise read again; made by dist/font-data.cjs
//
// The new dist/ is written beside the old one and moved into place at the end,
// so an interrupted compile never leaves half a bundle behind. It carries the
// stamp of what it was compiled from (inputs-stamp.mjs): while that is the
// same, compiling again does nothing (`--force` compiles all the same).
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { inputsStamp } from './inputs-stamp.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dist = `${root}dist`;
const next = `${root}dist.tmp-${process.pid}`;
const PATCHED_PAGED_JS = 'paged.polyfill.patched.js';
const STAMP = '.inputs-stamp';

const stamp = await inputsStamp(root);
if (!process.argv.includes('--force') && (await readFile(`${dist}/${STAMP}`, 'utf8').catch(() => '')) === stamp) {
  console.log('dist/ is up to date with scripts/ and the packages: nothing to compile');
  process.exit(0);
}
// Loaded only now: esbuild alone takes a good part of a second to load.
const { build } = await import('esbuild');

// The same options as scripts/paginate/in-page-bundle.ts, which bundles it at
// run time when the code runs from its TypeScript sources (tests).
const inPage = await build({
  entryPoints: [`${root}scripts/paginate/in-page/main.ts`],
  bundle: true,
  write: false,
  format: 'iife',
  target: 'chrome120',
  logLevel: 'warning',
});

try {
  await build({
    entryPoints: {
      zine: `${root}scripts/cli.ts`,
      'markdown-worker': `${root}scripts/markdown/worker-main.ts`,
      'ensure-browser': `${root}scripts/setup/ensure-browser.ts`,
      'font-data': `${root}scripts/fonts/make-font-data.ts`,
      'paged-patch': `${root}scripts/paginate/pagedjs/patch.ts`,
    },
    outdir: next,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // The dependencies are bundled too (loading hundreds of small modules one by one took longer than
    // the markdown stage), but for those that find their own files at run time. puppeteer-core is
    // bundled as well: its 200-odd modules took a start 0.2-0.4 s to resolve and load one by one.
    // bufferutil and utf-8-validate are native add-ons ws tries and does without when they are missing.
    external: ['bufferutil', 'utf-8-validate', 'pdfjs-dist', 'pagedjs', 'esbuild', '@fontsource/*', 'hyphen', 'hyphen/*'],
    // The modules' import.meta.url is the bundle's own URL: the files they look for are found from dist/.
    banner: { js: "const zinepressBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: {
      ZINEPRESS_IN_PAGE_SCRIPT: JSON.stringify(inPage.outputFiles[0].text),
      ZINEPRESS_PATCHED_PAGED_JS: JSON.stringify(PATCHED_PAGED_JS),
      'import.meta.url': 'zinepressBundleUrl',
    },
    logLevel: 'warning',
  });
  // Kept from the old dist/ while the packages are the same: reading every font takes seconds.
  const { writeFontData } = createRequire(import.meta.url)(`${next}/font-data.cjs`);
  await writeFontData({ path: `${next}/fonts.json`, previous: `${dist}/fonts.json` });
  const { writePatchedPagedJs } = createRequire(import.meta.url)(`${next}/paged-patch.cjs`);
  await writePatchedPagedJs({ path: `${next}/${PATCHED_PAGED_JS}` });
  await writeFile(`${next}/${STAMP}`, stamp);
  await rm(dist, { recursive: true, force: true });
  await rename(next, dist);
} finally {
  await rm(next, { recursive: true, force: true });
}
