/**
 * One PDF read back by the three engines at once (scripts/bench/readers.ts):
 * for each, the source's distinct words that stand whole in what a search
 * or a copy gets, the words it holds only with a space inside, and the
 * characters the source does not have in its text. Shared by the
 * text-layer measure, `npm run corpus` and the corpus tests.
 */
import { readFile } from 'node:fs/promises';
import { ENGINES, mupdfReading, pdfjsReading, popplerReading, straysIn, type Engine, type EngineReading } from './readers.ts';
import { printedText, wordsOf } from './source-words.ts';

export interface EngineFigures {
  /** How many of the source's words it holds whole. */
  whole: number;
  /** The words it does not. */
  missing: string[];
  /** Of those, the ones its text holds with a space or a line break inside. */
  spaced: string[];
  /** Characters the source lacks (U+200C, U+00AD, U+FFFD, NUL), by how many more its text has. */
  strays: Map<string, number>;
}

export interface TextFigures {
  /** The source's distinct words. */
  words: number;
  engines: Record<Engine, EngineFigures>;
}

export interface ReadThriceOptions {
  /** The PDF to read. */
  pdf: string;
  /** The markdown it was built from. */
  source: string;
}

const unspaced = (text: string): string => text.normalize('NFKC').replace(/\s+/gu, '');

function figuresOf(reading: EngineReading, words: string[], source: string): EngineFigures {
  const flat = unspaced(reading.text);
  return {
    whole: words.length - reading.missing.length,
    missing: reading.missing,
    spaced: reading.missing.filter((word) => flat.includes(unspaced(word))),
    strays: straysIn(reading.text, source),
  };
}

/** Reads `pdf` with poppler, MuPDF and pdf.js side by side, against the words of `source`. */
export async function readThrice(options: ReadThriceOptions): Promise<TextFigures> {
  const { text, lang } = await printedText(options.source);
  const words = wordsOf(text, lang);
  const [poppler, mupdf, pdfjs] = await Promise.all([
    popplerReading(options.pdf, words),
    mupdfReading(options.pdf, words),
    readFile(options.pdf).then((bytes) => pdfjsReading(new Uint8Array(bytes), words)),
  ]);
  const readings: Record<Engine, EngineReading> = { poppler, MuPDF: mupdf, 'pdf.js': pdfjs };
  const engines = Object.fromEntries(ENGINES.map((engine) => [engine, figuresOf(readings[engine], words, text)])) as Record<Engine, EngineFigures>;
  return { words: words.length, engines };
}
