/**
 * The corpus's printed texts read back as readers read them: each reading
 * edition by poppler, MuPDF and pdf.js (scripts/bench/read-thrice.ts), its
 * figures set against the bar for its direction (text-layer-bar.ts).
 */
import { join } from 'node:path';
import { readThrice, type TextFigures } from '../bench/read-thrice.ts';
import { shortOfBar, type Direction } from '../bench/text-layer-bar.ts';
import type { Engine } from '../bench/readers.ts';
import { createLimiter } from '../util/concurrency.ts';
import type { CorpusText } from './languages.ts';
import type { CorpusOutcome } from './run.ts';

export interface CorpusReading {
  name: string;
  script: string;
  direction: Direction;
  figures: TextFigures;
  /** The engines that fall short of the bar on it. */
  short: Engine[];
}

export interface ReadBackOptions {
  texts: readonly CorpusText[];
  /** What runCorpus made of them: only those printed are read. */
  outcomes: readonly CorpusOutcome[];
  /** The folder runCorpus built in. */
  dir: string;
  /** Texts read at once, each by the three engines side by side. Default: 1. */
  concurrency?: number;
}

/** A text's direction, as its front matter gives it. */
export const directionOf = (text: CorpusText): Direction => (/^dir: rtl$/m.test(text.markdown) ? 'rtl' : 'ltr');

export async function readBackCorpus(options: ReadBackOptions): Promise<CorpusReading[]> {
  const { concurrency = 1 } = options;
  const limit = createLimiter(concurrency);
  const printed = options.texts.filter((text) => options.outcomes.some((outcome) => outcome.name === text.name && outcome.refused === undefined));
  return Promise.all(
    printed.map((text) =>
      limit(async () => {
        const figures = await readThrice({ pdf: join(options.dir, 'output', text.name, 'reading.pdf'), source: join(options.dir, 'source', `${text.name}.md`) });
        const direction = directionOf(text);
        return { name: text.name, script: text.script, direction, figures, short: shortOfBar(figures, direction) };
      }),
    ),
  );
}
