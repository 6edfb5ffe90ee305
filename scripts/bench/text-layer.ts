/**
 * How much of a source a reader finds in its reading edition's text layer,
 * as pdf.js (Firefox's viewer: getTextContent) and poppler (`pdftotext`,
 * which must be installed) read it. A word counts as found "as typed" when
 * the layer holds it as one run of letters, "loosely" when it does once the
 * layer's whitespace is dropped (a viewer's search does not do that).
 *
 *   npx tsx scripts/bench/text-layer.ts OUT_DIR SOURCE.md… [--missing]
 *
 * OUT_DIR is where `zine build` wrote the sources: OUT_DIR/<name>/reading.pdf.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { searchable, sourceWords } from './source-words.ts';

const args = process.argv.slice(2);
const showMissing = args.includes('--missing');
const [out = 'output', ...sources] = args.filter((arg) => arg !== '--missing');

/** The page texts as pdf.js gives them to Firefox's search: items joined, a newline at each end of line. */
async function pdfjsText(bytes: Uint8Array): Promise<string> {
  const doc = await getDocument({ data: bytes, useSystemFonts: false, verbosity: 0 }).promise;
  let text = '';
  for (let number = 1; number <= doc.numPages; number += 1) {
    const content = await (await doc.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
    text += '\n';
  }
  await doc.destroy();
  return text;
}

const popplerText = async (path: string): Promise<string> => (await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'], { maxBuffer: 1 << 26 })).stdout;

const count = (layer: string, words: string[]) => {
  const typed = searchable(layer, { spaces: true });
  const loose = searchable(layer);
  const missing = words.filter((word) => !typed.includes(searchable(word)));
  return { typed: words.length - missing.length, loose: words.filter((word) => loose.includes(searchable(word))).length, missing };
};

console.log('source    words  pdf.js typed/loose  pdftotext typed/loose');
for (const source of sources) {
  const name = basename(source, '.md');
  const pdf = join(out, name, 'reading.pdf');
  const words = await sourceWords(source);
  const pdfjs = count(await pdfjsText(new Uint8Array(await readFile(pdf))), words);
  const poppler = count(await popplerText(pdf), words);
  console.log(`${name.padEnd(9)} ${String(words.length).padStart(5)}  ${`${pdfjs.typed}/${pdfjs.loose}`.padStart(18)}  ${`${poppler.typed}/${poppler.loose}`.padStart(21)}`);
  if (showMissing) {
    console.log(`  missing in pdf.js: ${pdfjs.missing.join(' ')}`);
    console.log(`  missing in pdftotext: ${poppler.missing.join(' ')}`);
  }
}
