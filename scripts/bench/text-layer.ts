/**
 * How much of a source a reader finds in its reading edition's text layer,
 * engine by engine (scripts/bench/read-thrice.ts): the distinct words of the
 * source that stand whole in poppler's text, MuPDF's search and Firefox's
 * search (pdf.js), and the characters the source does not have that each
 * engine's text holds (U+200C, U+00AD, U+FFFD, NUL).
 *
 *   npx tsx scripts/bench/text-layer.ts OUT_DIR SOURCE.md… [--missing]
 *
 * OUT_DIR is where `zine build` wrote the sources: OUT_DIR/<name>/reading.pdf.
 * Needs poppler-utils and mupdf-tools.
 */
import { basename, join } from 'node:path';
import { readThrice, type EngineFigures } from './read-thrice.ts';
import { ENGINES, strayLabel } from './readers.ts';

const args = process.argv.slice(2);
const showMissing = args.includes('--missing');
const [out = 'output', ...sources] = args.filter((arg) => arg !== '--missing');

const share = (figures: EngineFigures, words: number): string => `${figures.whole}/${words}`;

console.log('| source | words | poppler | MuPDF | pdf.js | characters the source lacks (poppler; MuPDF; pdf.js) |');
console.log('|---|---|---|---|---|---|');
for (const source of sources) {
  const name = basename(source, '.md');
  const { words, engines } = await readThrice({ pdf: join(out, name, 'reading.pdf'), source });
  const strays = ENGINES.map((engine) => strayLabel(engines[engine].strays));
  console.log(`| ${name} | ${words} | ${ENGINES.map((engine) => share(engines[engine], words)).join(' | ')} | ${strays.join('; ')} |`);
  if (showMissing) {
    for (const engine of ENGINES) {
      const { missing, spaced } = engines[engine];
      console.log(`  not whole in ${engine}: ${missing.slice(0, 40).join(' ')}${spaced.length > 0 ? ` (with a space inside: ${spaced.slice(0, 20).join(' ')})` : ''}`);
    }
  }
}
