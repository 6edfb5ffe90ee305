/**
 * Texts no test was tuned to: translations of the Declaration in every script
 * the bundled fonts print (scripts/corpus/languages.ts SAMPLE), and the long texts with notes of test/fixtures/corpus,
 * each built with every default format and read back (`npm run corpus` builds
 * every translation). Each either prints, and so passed the read-back, or is
 * refused with its place and a reason a writer can read; the refusals the
 * layout still makes are recorded here, so a new one fails the test.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longTexts } from '../../scripts/corpus/long-texts.ts';
import { sample, SAMPLE, surveyUdhr } from '../../scripts/corpus/languages.ts';
import { runCorpus, type CorpusOutcome } from '../../scripts/corpus/run.ts';

/** What the layout cannot yet print right, by text: the kind of fault the build names. */
const KNOWN: Record<string, string> = {
  'common-sense': 'word broken wrongly',
  manifest: 'text set twice',
  'udhr-eng': 'word broken wrongly',
  'udhr-rus': 'word broken wrongly',
  'udhr-ben': 'lone line',
  'udhr-tam': 'lone line',
  'udhr-tha': 'lone line',
};

describe('the corpus', () => {
  let outcomes: CorpusOutcome[] = [];

  it('has a translation in every script the fonts cover', async () => {
    const survey = await surveyUdhr();
    const scripts = new Set(survey.printable.map((text) => text.script));
    for (const script of ['Latin', 'Cyrillic', 'Greek', 'Arabic', 'Hebrew', 'Devanagari', 'Bengali', 'Tamil', 'Thai', 'Ethiopic', 'Han', 'Hangul']) {
      expect(scripts).toContain(script);
    }
    expect(sample(survey.printable).map((text) => text.name)).toEqual(SAMPLE.map((code) => `udhr-${code}`));
    const texts = [...(await longTexts()), ...sample(survey.printable)];
    outcomes = await runCorpus({ texts, dir: join(tmpdir(), `zinepress-corpus-test-${process.pid}`) });
    expect(outcomes.length).toBe(texts.length);
  }, 600_000);

  it('prints each text or refuses it naming the place and the fault, never printing it wrong', () => {
    for (const outcome of outcomes) {
      if (outcome.refused === undefined) continue;
      expect(outcome.refused, outcome.name).toMatch(new RegExp(`${outcome.name}\\.md(:\\d+:\\d+)?: `));
      expect({ name: outcome.name, kind: outcome.kind }).toEqual({ name: outcome.name, kind: KNOWN[outcome.name] });
    }
    // Most of the sample prints right.
    expect(outcomes.filter((outcome) => outcome.refused === undefined).length).toBeGreaterThanOrEqual(outcomes.length / 2);
  });
});
