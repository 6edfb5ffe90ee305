// The floor of a Chromium pipeline: the browser prints the HTML as it is,
// with no pagination script, through puppeteer-core, as the build prints
// its laid-out pages (preferCSSPageSize, printBackground).
//   node chromium-print.mjs BROWSER IN.html OUT.pdf [BROWSER_ARGS, comma-separated]
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, html, out, args = ''] = process.argv.slice(2);
if (out === undefined) throw new Error('usage: node chromium-print.mjs BROWSER IN.html OUT.pdf [ARGS]');
const browser = await puppeteer.launch({ executablePath, args: args === '' ? [] : args.split(','), pipe: true });
try {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  await page.evaluate('document.fonts.ready.then(() => undefined)');
  await page.pdf({ path: out, preferCSSPageSize: true, printBackground: true });
} finally {
  await browser.close();
}
