// The least any pipeline built on Paged.js can take: the browser loads the
// HTML, Paged.js 0.4.3 lays it out with no handler of anyone's, and Chromium
// prints the pages through puppeteer-core, as the build does. Nothing is done
// to the PDF after, and no other format is made. POLYFILL is the Paged.js to
// evaluate: by default stock 0.4.3 from node_modules; the bench also gives
// the patched copy zine lays out with (dist/paged.polyfill.patched.js).
//   node pagedjs-alone.mjs BROWSER IN.html OUT.pdf [BROWSER_ARGS, comma-separated] [POLYFILL]
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, html, out, args = '', given] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: node pagedjs-alone.mjs BROWSER IN.html OUT.pdf [ARGS] [POLYFILL]');
const require = createRequire(import.meta.url);
const polyfill = given ?? join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');
const browser = await puppeteer.launch({
  executablePath,
  headless: executablePath.endsWith('headless-shell') ? 'shell' : true,
  args: args === '' ? [] : args.split(','),
  pipe: true,
});
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate('window.PagedConfig = { auto: false };');
  await page.evaluate(await readFile(polyfill, 'utf8'));
  await page.evaluate('new Paged.Previewer().preview().then(() => undefined)');
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
}
