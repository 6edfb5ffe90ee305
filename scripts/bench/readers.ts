/**
 * A PDF's text as the three engines most readers use give it: poppler
 * (`pdftotext`: Evince, Okular, desktop search), MuPDF (`mutool run`: its
 * own search and its text, as SumatraPDF and mupdf-gl get them) and pdf.js
 * (Firefox's find bar: scripts/bench/viewer-search.ts). Each tells which of
 * a source's words stand whole in what a search or a copy gets, and which
 * characters the source does not have crept into the text. poppler-utils and
 * mupdf-tools must be installed (scripts/setup/ensure-browser.ts does on Debian).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { openViewerSearch } from './viewer-search.ts';

const run = promisify(execFile);

/** What one engine makes of a PDF. */
export interface EngineReading {
  /** The words it does not find. */
  missing: string[];
  /** All its text, pages one after the other. */
  text: string;
}

/** The engines, by the name the tables use. */
export const ENGINES = ['poppler', 'MuPDF', 'pdf.js'] as const;
export type Engine = (typeof ENGINES)[number];

/** Text as the words are compared: compatibility forms folded (Arabic presentation forms), whitespace made one space. */
const folded = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, ' ');

/** The words of `words` that do not stand whole in `text` (a search for each, as typed, fails). */
export function missingIn(text: string, words: string[]): string[] {
  const haystack = folded(text);
  return words.filter((word) => !haystack.includes(folded(word)));
}

/** poppler's text, in reading order: lines ending in a hyphen are joined back, as `pdftotext` does. */
export async function popplerReading(pdf: string, words: string[]): Promise<EngineReading> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 1 << 28 });
  return { missing: missingIn(stdout, words), text: stdout };
}

// MuPDF's JavaScript (mujs, `mutool run`): each word searched on the pages as its viewer's search does
// (the structured text dehyphenated), from the page the last word was found on (a text's words come in
// its order) until one has it; the pages' text printed after a line of its own.
const MUPDF_SCRIPT = `
var doc = new Document(scriptArgs[0]);
var words = read(scriptArgs[1]).split('\\n').filter(function (word) { return word.length > 0; });
var pages = [];
for (var at = 0; at < doc.countPages(); at++) pages.push(doc.loadPage(at).toStructuredText('dehyphenate'));
var last = 0;
for (var w = 0; w < words.length; w++) {
  var hit = false;
  for (var k = 0; k < pages.length && !hit; k++) {
    var p = (last + k) % pages.length;
    if (pages[p].search(words[w]).length > 0) {
      hit = true;
      last = p;
    }
  }
  if (!hit) print('missing ' + words[w]);
}
print('--- text');
var text = [];
for (var p = 0; p < pages.length; p++) {
  pages[p].walk({ onChar: function (c) { text.push(c); }, endLine: function () { text.push('\\n'); } });
  text.push('\\n');
}
print(text.join(''));
`;

/** MuPDF's search for each word, and its text. */
export async function mupdfReading(pdf: string, words: string[]): Promise<EngineReading> {
  const dir = await mkdtemp(join(tmpdir(), 'zine-mupdf-'));
  try {
    const script = join(dir, 'search.js');
    const list = join(dir, 'words.txt');
    await writeFile(script, MUPDF_SCRIPT);
    await writeFile(list, words.join('\n'));
    const { stdout } = await run('mutool', ['run', script, pdf, list], { maxBuffer: 1 << 28 });
    const split = stdout.indexOf('--- text\n');
    const head = split === -1 ? stdout : stdout.slice(0, split);
    const missing = head.split('\n').flatMap((line) => (line.startsWith('missing ') ? [line.slice('missing '.length)] : []));
    return { missing, text: split === -1 ? '' : stdout.slice(split + '--- text\n'.length) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** pdf.js's text items, as a copy from Firefox's viewer gets them. */
async function pdfjsText(doc: pdfjs.PDFDocumentProxy): Promise<string> {
  let text = '';
  for (let number = 1; number <= doc.numPages; number += 1) {
    const content = await (await doc.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  return text;
}

/** pdf.js: Firefox's find bar for each word, and the text of its items, from the one document the search opened. */
export async function pdfjsReading(bytes: Uint8Array, words: string[]): Promise<EngineReading> {
  const search = await openViewerSearch(bytes);
  try {
    const missing: string[] = [];
    for (const word of words) if (!(await search.finds(word))) missing.push(word);
    return { missing, text: await pdfjsText(search.document) };
  } finally {
    await search.close();
  }
}

/** Characters that no source text should bring into a text layer. */
export const STRAYS = ['\u200C', '\u00AD', '\uFFFD', '\u0000'] as const;

/** How many of each stray character `text` has beyond those of `source`, the ones it has none beyond left out. */
export function straysIn(text: string, source: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of STRAYS) {
    const extra = text.split(char).length - source.split(char).length;
    if (extra > 0) counts.set(char, extra);
  }
  return counts;
}

/** A stray count as the tables print it: `U+200C ×957`, or `none`. */
export const strayLabel = (counts: Map<string, number>): string =>
  counts.size === 0 ? 'none' : [...counts].map(([char, count]) => `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')} ×${count}`).join(', ');
