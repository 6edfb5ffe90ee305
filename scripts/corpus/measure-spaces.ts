/**
 * `npx tsx scripts/corpus/measure-spaces.ts [--justify] [--per 3] [--without 3] [--out DIR]`:
 * the word spaces of the reading edition, by script and by whether the
 * language has hyphenation patterns, over a sample of the Declaration's
 * translations (up to `--per` with patterns and `--without` without, in
 * each script; the corpus sample's too) and the long texts. `--justify` justifies
 * every text (a stylesheet of the user's), as the build did before
 * markdown/justification.ts: so the table shows what justifying would do.
 * Prints a markdown table for docs/justification.md.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readPrinted } from '../formats/read-back/printed-text.ts';
import { justifiedLines, wordGaps, WIDE_SPACE } from '../formats/read-back/word-spaces.ts';
import { isHyphenated } from '../markdown/hyphenate.ts';
import { alignmentFor } from '../markdown/justification.ts';
import { SAMPLE, surveyUdhr, type CorpusText } from './languages.ts';
import { longTexts } from './long-texts.ts';
import { runCorpus } from './run.ts';

/** The reading edition's body type, in points (styles/type.css). */
const EM = 10;

function pick(texts: readonly CorpusText[], per: number, without: number): CorpusText[] {
  const chosen = new Set(texts.filter((text) => SAMPLE.some((code) => text.name === `udhr-${code}`)));
  for (const script of new Set(texts.map((text) => text.script))) {
    for (const patterns of [true, false]) {
      const mine = texts.filter((text) => text.script === script && isHyphenated(text.lang) === patterns && !chosen.has(text));
      const already = [...chosen].filter((text) => text.script === script && isHyphenated(text.lang) === patterns).length;
      for (const text of mine.slice(0, Math.max(0, (patterns ? per : without) - already))) chosen.add(text);
    }
  }
  return [...chosen];
}

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : ((100 * part) / whole).toFixed(1)}%`;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

interface Row {
  text: CorpusText;
  lines: number;
  gaps: number[];
  wide: number;
  holes: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { justify: { type: 'boolean', default: false }, per: { type: 'string', default: '3' }, without: { type: 'string', default: '3' }, out: { type: 'string', default: '/tmp/zinepress-spaces' } } });
  const survey = await surveyUdhr();
  const texts = [...(await longTexts()), ...pick(survey.printable, Number(values.per), Number(values.without))];
  const style = values.justify ? 'style: justify.css\n' : '';
  const withStyle = texts.map((text) => ({ ...text, markdown: text.markdown.replace(/^---\n/, `---\n${style}formats: [reading]\n`) }));
  const outcomes = await runCorpus({ texts: withStyle, dir: values.out, beside: values.justify ? { 'justify.css': '.essay, .essay p, .essay li { text-align: justify !important; }\n' } : {} });
  const rows: Row[] = [];
  for (const [index, text] of texts.entries()) {
    if (outcomes[index]?.refused !== undefined) {
      console.error(`${text.name}: refused: ${outcomes[index]?.refused}`);
      continue;
    }
    const pdf = await readFile(join(values.out, 'output', text.name, 'reading.pdf'));
    const pages = await readPrinted(pdf, { images: false });
    const justified = justifiedLines(pages, EM).filter(({ gaps }) => gaps.length > 0);
    const gaps = justified.flatMap(({ gaps: found }) => found);
    const all = pages.flatMap((page) => page.lines.filter((line) => line.words.length >= 3).flatMap(wordGaps));
    rows.push({ text, lines: justified.length, gaps: values.justify ? gaps : all, wide: justified.filter(({ gaps: found }) => Math.max(...found) > WIDE_SPACE * EM).length, holes: justified.filter(({ gaps: found }) => Math.max(...found) > EM).length });
  }
  const lines: string[] = [
    `${values.justify ? 'Every text justified' : 'As the build sets them'}; gaps in pt (body type ${EM} pt); "wide": full lines with a gap over ${WIDE_SPACE} em, "holes": over 1 em`,
    '',
    'script | patterns | set | texts | languages | full lines | gaps | median | 90% | max | wide lines | holes',
    '---|---|---|---|---|---|---|---|---|---|---|---',
  ];
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.text.script} | ${isHyphenated(row.text.lang) ? 'yes' : 'no'} | ${values.justify ? 'justified' : alignmentFor({ lang: row.text.lang, script: row.text.script })}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const gaps = group.flatMap((row) => row.gaps).sort((a, b) => a - b);
    const wide = group.reduce((sum, row) => sum + row.wide, 0);
    const holes = group.reduce((sum, row) => sum + row.holes, 0);
    const full = group.reduce((sum, row) => sum + row.lines, 0);
    const langs = [...new Set(group.map((row) => row.text.lang))].join(' ');
    lines.push(`${key} | ${group.length} | ${langs} | ${full} | ${gaps.length} | ${quantile(gaps, 0.5).toFixed(1)} | ${quantile(gaps, 0.9).toFixed(1)} | ${(gaps.at(-1) ?? 0).toFixed(1)} | ${wide} (${percent(wide, full)}) | ${holes}`);
  }
  lines.push('', 'by text: name lang script patterns set | full lines | median | max | wide lines | holes');
  for (const row of rows) {
    const sorted = [...row.gaps].sort((a, b) => a - b);
    const set = values.justify ? 'justified' : alignmentFor({ lang: row.text.lang, script: row.text.script });
    lines.push(`${row.text.name} ${row.text.lang} ${row.text.script} ${isHyphenated(row.text.lang) ? 'yes' : 'no'} ${set} | ${row.lines} | ${quantile(sorted, 0.5).toFixed(1)} | ${(sorted.at(-1) ?? 0).toFixed(1)} | ${row.wide} (${percent(row.wide, row.lines)}) | ${row.holes}`);
  }
  await writeFile(join(values.out, 'spaces.md'), `${lines.join('\n')}\n`);
  console.log(lines.join('\n'));
}

await main();
