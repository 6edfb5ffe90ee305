/**
 * Letters with combining marks (fonts/clusters.ts): a letter and its mark
 * that @fontsource puts in two files of one family are drawn whole by a file
 * that has both, in a rule the browser tries last; a letter and a mark no
 * bundled file draws together, and a control character, are refused before
 * layout at their place, named by code point.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawsWhole, markedClusters } from '../../scripts/fonts/clusters.ts';
import { fontFaceRules, planFonts } from '../../scripts/fonts/plan.ts';
import { MarkdownError, markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { sharedReadings } from '../helpers/shared-builds.ts';

const FIXTURE = join('test', 'fixtures', 'fonts', 'marks', 'marks.md');

async function refusal(markdown: string): Promise<string> {
  const error = await markdownStringToHtml(markdown, { path: 'source/x.md' }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(MarkdownError);
  return (error as MarkdownError).message;
}

describe('letters with combining marks', () => {
  it('plans a face that draws each marked letter whole, written before the others so the browser tries it last', async () => {
    // ə + U+0300, and n + U+0307 (ṅ spelt apart); a running head prints the capital Ə + U+0300.
    const text = 'm\u0259\u0300 kan\u0307';
    const clusters = markedClusters(text);
    expect(clusters.map((cluster) => cluster.text)).toEqual(['\u0259\u0300', 'n\u0307']);
    const plan = await planFonts({ lang: 'en', text, capitals: text });
    expect(plan.undrawn).toEqual([]);
    const text400 = plan.faces.filter((face) => face.alias === 'Source Serif 4' && face.weight === 400 && face.style === 'normal');
    // No face of the plain plan has the schwa and the grave together …
    expect(text400.filter((face) => !face.clusters).some((face) => clusters[0] !== undefined && drawsWhole(face.ranges, clusters[0]))).toBe(false);
    // … so one more face, of the same family, does.
    const extra = text400.filter((face) => face.clusters);
    expect(extra.map((face) => face.face.family)).toEqual(['Source Serif 4']);
    for (const cluster of [...clusters, ...markedClusters('\u018f\u0300')]) expect(extra.some((face) => drawsWhole(face.ranges, cluster)), cluster.text).toBe(true);
    const rules = fontFaceRules(plan, (face) => face.file);
    expect(rules.indexOf('U+259,U+300')).toBeLessThan(rules.indexOf('unicode-range: U+20-7e'));
  });

  it('plans capitals only for what is set in capitals: ῦ in the text is no refusal, ῦ in a running head is', async () => {
    const text = 'Ὅλοι οἱ ἄνθρωποι γεννιοῦνται ἐλεύθεροι';
    expect((await planFonts({ lang: 'en', text })).undrawn).toEqual([]);
    // Its capital has no precomposed letter: Υ + U+0342, which no bundled file draws together.
    expect((await planFonts({ lang: 'en', text, capitals: text })).undrawn).toContain('\u03a5\u0342');
  });

  it('prints them with no empty box, and poppler reads the words back', async () => {
    const [built] = await sharedReadings({ sources: [FIXTURE] });
    const text = execFileSync('pdftotext', ['-f', '2', '-l', '2', built?.pdf ?? '', '-'], { encoding: 'utf8' }).normalize('NFC');
    for (const word of ['m\u0259\u0300', 'y\u0259\u0301', 'kan\u0307', 'b\u0259\u0300', 'e\u0302']) expect(text, word).toContain(word.normalize('NFC'));
  }, 120_000);

  it('refuses a letter and a mark no bundled font draws together, at its place, naming both', async () => {
    expect(await refusal('---\ntitle: T\n---\n\nHattak M\u00f3\u0331ma.\n')).toBe(
      'source/x.md:5:9: "\u00f3\u0331" (U+00F3 LATIN SMALL LETTER O WITH ACUTE with U+0331 COMBINING MACRON BELOW) has no bundled font that draws them together, ' +
        'and would print as an empty box: write the letter another way, or add a font for the Latin script (e.g. @fontsource/noto-sans-latin) that has both to scripts/fonts/catalog.ts',
    );
  });

  it('refuses a control character, at its place, saying what it stands for in Windows-1252', async () => {
    expect(await refusal('---\ntitle: T\n---\n\nbin\u0092natanga.\n')).toBe(
      'source/x.md:5:4: U+0092 PRIVATE USE TWO is a control character, not a letter, and would print as an empty box: ' +
        'delete it or write the character meant; in text converted from Windows-1252 it stands for "’" (U+2019 RIGHT SINGLE QUOTATION MARK)',
    );
  });
});
