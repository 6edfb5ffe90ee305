/**
 * The share of a text's distinct words each engine must hold whole, by the
 * text's direction: left to right, every word in poppler, MuPDF and pdf.js;
 * right to left, every word in poppler and 99% in pdf.js, and in MuPDF as
 * many as its reading in drawing order allows (no bar: each text's figure
 * is kept where it is checked).
 */
import type { TextFigures } from './read-thrice.ts';
import { ENGINES, type Engine } from './readers.ts';

export type Direction = 'ltr' | 'rtl';

export const BAR: Record<Direction, Record<Engine, number | undefined>> = {
  ltr: { poppler: 1, MuPDF: 1, 'pdf.js': 1 },
  rtl: { poppler: 1, MuPDF: undefined, 'pdf.js': 0.99 },
};

/** The fewest words `engine` may hold whole out of `words`; undefined where there is no bar. */
export function wordsAtBar(words: number, engine: Engine, direction: Direction): number | undefined {
  const share = BAR[direction][engine];
  return share === undefined ? undefined : Math.ceil(words * share);
}

/** The engines that hold fewer words whole than the bar, or a character the source lacks, or a word with a space inside. */
export function shortOfBar(figures: TextFigures, direction: Direction): Engine[] {
  return ENGINES.filter((engine) => {
    const { whole, strays, spaced } = figures.engines[engine];
    const least = wordsAtBar(figures.words, engine, direction);
    return (least !== undefined && whole < least) || strays.size > 0 || spaced.length > 0;
  });
}
