/**
 * How much of a source a reader finds in its reading edition's text layer:
 * by Firefox's search (pdf.js's find controller, scripts/bench/viewer-search.ts),
 * and in poppler's `pdftotext` (which must be installed), where a word counts
 * as found "as typed" when the text holds it as one run of letters,
 * "loosely" when it does once the text's whitespace is dropped.
 *
 *   npx tsx scripts/bench/text-layer.ts OUT_DIR SOURCE.md… [--missing]
 *
 * OUT_DIR is where `zine build` wrote the sources: OUT_DIR/<name>/reading.pdf.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { searchable, sourceWords } from './source-words.ts';
import { openViewerSearch } from './viewer-search.ts';

const args = process.argv.slice(2);
const showMissing = args.includes('--missing');
const [out = 'output', ...sources] = args.filter((arg) => arg !== '--missing');

/** The words Firefox's search does not find anywhere in the PDF. */
async function unfoundInViewer(bytes: Uint8Array, words: string[]): Promise<string[]> {
  const search = await openViewerSearch(bytes);
  const unfound: string[] = [];
  for (const word of words) if ((await search.pagesOf(word)).length === 0) unfound.push(word);
  await search.close();
  return unfound;
}

const popplerText = async (path: string): Promise<string> => (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 1 << 26 })).stdout;

const count = (layer: string, words: string[]) => {
  const typed = searchable(layer, { spaces: true });
  const loose = searchable(layer);
  const missing = words.filter((word) => !typed.includes(searchable(word)));
  return { typed: words.length - missing.length, loose: words.filter((word) => loose.includes(searchable(word))).length, missing };
};

console.log('source    words  viewer search  pdftotext typed/loose');
for (const source of sources) {
  const name = basename(source, '.md');
  const pdf = join(out, name, 'reading.pdf');
  const words = await sourceWords(source);
  const unfound = await unfoundInViewer(new Uint8Array(await readFile(pdf)), words);
  const poppler = count(await popplerText(pdf), words);
  console.log(`${name.padEnd(9)} ${String(words.length).padStart(5)}  ${String(words.length - unfound.length).padStart(13)}  ${`${poppler.typed}/${poppler.loose}`.padStart(21)}`);
  if (showMissing) {
    console.log(`  not found by the viewer's search: ${unfound.join(' ')}`);
    console.log(`  missing in pdftotext: ${poppler.missing.join(' ')}`);
  }
}
