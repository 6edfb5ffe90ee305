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

/**
 * What the build still refuses, by text, with the kind of fault it names (`npm run corpus`, every translation).
 * Each is built here with the sample, and must be refused so: one that prints takes its line out.
 */
const KNOWN: Record<string, string> = {
  // U+0331 COMBINING MACRON BELOW after a Latin letter: only Noto Serif Thai and Noto Naskh Arabic have the mark, neither the letters.
  'udhr-amr': 'letter and mark no font draws together',
  'udhr-cic': 'letter and mark no font draws together',
  'udhr-mxv': 'letter and mark no font draws together',
  'udhr-ote': 'letter and mark no font draws together',
  'udhr-sey': 'letter and mark no font draws together',
  'udhr-snn': 'letter and mark no font draws together',
  'udhr-tca': 'letter and mark no font draws together',
  // U+030C COMBINING CARON after ɔ and ɛ (Lingala with its tones): no bundled file has both.
  'udhr-lin_tones': 'letter and mark no font draws together',
  // U+0304 COMBINING MACRON after a Cyrillic letter: no bundled file has both.
  'udhr-evn': 'letter and mark no font draws together',
  // U+0092, a Windows-1252 apostrophe read as Latin-1, in the package's text.
  'udhr-kea': 'control character in the text',
  'udhr-kng_AO': 'control character in the text',
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
    const known = survey.printable.filter((text) => KNOWN[text.name] !== undefined);
    expect(known.map((text) => text.name).sort()).toEqual(Object.keys(KNOWN).sort());
    const texts = [...(await longTexts()), ...sample(survey.printable), ...known];
    outcomes = await runCorpus({ texts, dir: join(tmpdir(), `zinepress-corpus-test-${process.pid}`) });
    expect(outcomes.length).toBe(texts.length);
  }, 600_000);

  it('prints each text or refuses it naming the place and the fault, never printing it wrong', () => {
    for (const outcome of outcomes) {
      if (outcome.refused === undefined) continue;
      expect(outcome.refused, outcome.name).toMatch(new RegExp(`${outcome.name}\\.md(:\\d+:\\d+)?: `));
      expect({ name: outcome.name, kind: outcome.kind }).toEqual({ name: outcome.name, kind: KNOWN[outcome.name] });
    }
    const refused = outcomes.filter((outcome) => outcome.refused !== undefined).map((outcome) => outcome.name);
    expect(refused.sort()).toEqual(Object.keys(KNOWN).sort());
    // Most of the sample prints right.
    expect(outcomes.filter((outcome) => outcome.refused === undefined).length).toBeGreaterThanOrEqual(outcomes.length / 2);
  });
});
