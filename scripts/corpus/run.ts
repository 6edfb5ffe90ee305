/**
 * Builds a corpus of texts no test was written for, every default format of
 * each, in one build (one browser), and sorts the outcome: which printed
 * (and so passed the read-back, formats/read-back.ts) and which the build
 * refused, with the first line of its reason.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../build.ts';
import { DocumentsFailed } from '../util/errors.ts';
import type { CorpusText } from './languages.ts';

export interface CorpusOutcome {
  name: string;
  script: string;
  lang: string;
  /** The build's reason for refusing it (its first line), or undefined when every format was made. */
  refused: string | undefined;
  /** What kind of fault refused it, for the summary. */
  kind: string | undefined;
}

export interface CorpusOptions {
  texts: readonly CorpusText[];
  /** Scratch folder: `source/` and `output/` are written in it. */
  dir: string;
  /** Documents laid out at once. Default: the build's (one per core). */
  concurrency?: number;
  /** More files written beside the sources, by name (a stylesheet they name). Default: none. */
  beside?: Readonly<Record<string, string>>;
  /** Write the gallery of what was made, output/index.html with each text's thumbnails. Default: the build's (true). */
  gallery?: boolean;
}

/** The kind of a refusal, from its reason. */
export function faultKind(reason: string): string {
  const kinds: [RegExp, string][] = [
    [/hyphenated where its language does not break it|split with no hyphen|begins inside a word/, 'word broken wrongly'],
    [/split across lines as/, 'word split in an edition without hyphens'],
    [/alone at the (top|foot) of the page/, 'lone line'],
    [/is on no page/, 'image missing'],
    [/letters more than the text holds/, 'text set twice'],
    [/layout lost \d+ of/, 'text lost'],
    [/footnote/, 'note away from its call'],
    [/has no glyph/, 'no font'],
    [/has no bundled font that draws them together/, 'letter and mark no font draws together'],
    [/is a control character/, 'control character in the text'],
  ];
  return kinds.find(([pattern]) => pattern.test(reason))?.[1] ?? 'other';
}

export async function runCorpus(options: CorpusOptions): Promise<CorpusOutcome[]> {
  const sourceDir = join(options.dir, 'source');
  await rm(options.dir, { recursive: true, force: true });
  await mkdir(sourceDir, { recursive: true });
  for (const [name, content] of Object.entries(options.beside ?? {})) await writeFile(join(sourceDir, name), content);
  const files: string[] = [];
  for (const text of options.texts) {
    const file = join(sourceDir, `${text.name}.md`);
    await writeFile(file, text.markdown);
    files.push(file);
  }
  const refusals = new Map<string, string>();
  try {
    // The corpus's warnings (no card, photocopy) are not what it is run for.
    const { concurrency, gallery } = options;
    await build({ files, out: join(options.dir, 'output'), progress: false, reporter: { warn: () => undefined }, ...(concurrency === undefined ? {} : { concurrency }), ...(gallery === undefined ? {} : { gallery }) });
  } catch (error) {
    if (!(error instanceof DocumentsFailed)) throw error;
    for (const { source, error: reason } of error.failures) refusals.set(source, (reason instanceof Error ? reason.message : String(reason)).split('\n')[0] ?? '');
  }
  return options.texts.map((text, index) => {
    const refused = refusals.get(files[index] as string);
    return { name: text.name, script: text.script, lang: text.lang, refused, kind: refused === undefined ? undefined : faultKind(refused) };
  });
}
