/**
 * The corpus's read-back as a table by script: how many of the texts' words
 * (each text's distinct words, summed) stand whole in poppler, MuPDF and
 * pdf.js, and the texts on which an engine falls short of the bar.
 */
import { ENGINES, strayLabel } from '../bench/readers.ts';
import type { CorpusReading } from './read-back.ts';

const percent = (whole: number, words: number): string => `${whole}/${words} (${((100 * Math.floor((1000 * whole) / words)) / 1000).toFixed(1)}%)`;

export function readBackTable(readings: readonly CorpusReading[]): string {
  const lines = ['script | texts | words | poppler | MuPDF | pdf.js', '---|---|---|---|---|---'];
  for (const script of [...new Set(readings.map((reading) => reading.script))]) {
    const mine = readings.filter((reading) => reading.script === script);
    const words = mine.reduce((sum, reading) => sum + reading.figures.words, 0);
    const cells = ENGINES.map((engine) => percent(mine.reduce((sum, reading) => sum + reading.figures.engines[engine].whole, 0), words));
    lines.push(`${script} | ${mine.length} | ${words} | ${cells.join(' | ')}`);
  }
  const short = readings.filter((reading) => reading.short.length > 0);
  lines.push('', `short of the bar: ${short.length} of ${readings.length} texts`);
  for (const { name, direction, figures, short: engines } of short) {
    const what = engines.map((engine) => {
      const { whole, spaced, strays, missing } = figures.engines[engine];
      const extra = [spaced.length > 0 ? `${spaced.length} with a space inside` : '', strays.size > 0 ? strayLabel(strays) : ''].filter(Boolean).join(', ');
      return `${engine} ${whole}/${figures.words}${extra === '' ? '' : ` (${extra})`}: ${missing.slice(0, 6).join(' ')}`;
    });
    lines.push(`  ${name} (${direction}): ${what.join('; ')}`);
  }
  return lines.join('\n');
}
