/**
 * How much of a source a reader finds in its reading edition's text layer,
 * engine by engine (scripts/bench/readers.ts): the distinct words of the
 * source that stand whole in poppler's text, MuPDF's search and Firefox's
 * search (pdf.js), and the characters the source does not have that each
 * engine's text holds (U+200C, U+00AD, U+FFFD, NUL).
 *
 *   npx tsx scripts/bench/text-layer.ts OUT_DIR SOURCE.md… [--missing]
 *
 * OUT_DIR is where `zine build` wrote the sources: OUT_DIR/<name>/reading.pdf.
 * Needs poppler-utils and mupdf-tools.
 */
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { mupdfReading, pdfjsReading, popplerReading, strayLabel, straysIn, type EngineReading } from './readers.ts';
import { printedText, sourceWords } from './source-words.ts';

const args = process.argv.slice(2);
const showMissing = args.includes('--missing');
const [out = 'output', ...sources] = args.filter((arg) => arg !== '--missing');

const share = (reading: EngineReading, words: string[]): string => `${words.length - reading.missing.length}/${words.length}`;

console.log('| source | words | poppler | MuPDF | pdf.js | characters the source lacks (poppler; MuPDF; pdf.js) |');
console.log('|---|---|---|---|---|---|');
for (const source of sources) {
  const name = basename(source, '.md');
  const pdf = join(out, name, 'reading.pdf');
  const words = await sourceWords(source);
  const { text } = await printedText(source);
  const readings = {
    poppler: await popplerReading(pdf, words),
    MuPDF: await mupdfReading(pdf, words),
    'pdf.js': await pdfjsReading(new Uint8Array(await readFile(pdf)), words),
  };
  const strays = Object.values(readings).map((reading) => strayLabel(straysIn(reading.text, text)));
  console.log(`| ${name} | ${words.length} | ${share(readings.poppler, words)} | ${share(readings.MuPDF, words)} | ${share(readings['pdf.js'], words)} | ${strays.join('; ')} |`);
  if (showMissing) for (const [engine, reading] of Object.entries(readings)) console.log(`  not whole in ${engine}: ${reading.missing.slice(0, 40).join(' ')}`);
}
