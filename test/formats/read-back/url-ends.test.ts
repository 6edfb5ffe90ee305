import { describe, expect, it } from 'vitest';
import { lineEndFaults } from '../../../scripts/formats/read-back/line-ends.ts';
import { placeLines } from '../../../scripts/formats/read-back/place-lines.ts';
import type { PrintedPage } from '../../../scripts/formats/read-back/printed-text.ts';
import { sourceText } from '../../../scripts/formats/read-back/source-text.ts';
import { markdownStringToHtml } from '../../../scripts/markdown/index.ts';

const TEXT = 'Seitenzahlen nach der Ausgabe von 1959. Der Text steht unter http://www.mlwerke.de/me/me04/me04_459.htm und wurde am achten März korrigiert.';

/** The line-end faults of TEXT printed as two lines, the first ending with `first` (and `mark`, the hyphen poppler reads for the text layer's mark, pdf/word-lines.ts). */
async function faultsSplitAfter(first: string, mark = ''): Promise<string[]> {
  const { tree, frontMatter } = await markdownStringToHtml(`---\ntitle: Read back\nlang: de\n---\n\n${TEXT}\n`);
  const source = sourceText(tree);
  const at = TEXT.indexOf(first) + first.length;
  const lines = [TEXT.slice(0, at).trimEnd() + mark, TEXT.slice(at).trimStart()];
  const printed: PrintedPage[] = [{ number: 1, images: [], lines: lines.map((text) => ({ text, xMin: 0, xMax: 0, yMin: 0, yMax: 0, words: [] })) }];
  const placed = placeLines(printed, source, { continued: '(fortgesetzt)', title: frontMatter.title });
  expect(placed).toHaveLength(2);
  return lineEndFaults(placed, source, false).map((fault) => fault.reason);
}

describe('the read-back of a line that ends inside a URL', () => {
  it('passes a break after a slash, after the double slash, and before a period or an underscore, with no hyphen', async () => {
    for (const first of ['http://', 'mlwerke.de/', 'me04/', 'me04_459', 'www.mlwerke']) expect(await faultsSplitAfter(first), first).toEqual([]);
  });

  it('finds a URL cut between two letters, as "…ht" / "m", as the Manifesto\'s was', async () => {
    expect(await faultsSplitAfter('459.ht')).toEqual([
      'the URL "http://www.mlwerke.de/me/me04/me04_459.htm" is split as "http://www.mlwerke.de/me/me04/me04_459.ht" / "m", which is neither after a slash nor before a period or other punctuation',
    ]);
  });

  it('finds a URL cut after a period or an underscore, inside the double slash or before a slash', async () => {
    expect(await faultsSplitAfter('www.mlwerke.')).toHaveLength(1);
    expect(await faultsSplitAfter('me04_')).toHaveLength(1);
    expect(await faultsSplitAfter('http:/')).toHaveLength(1);
    expect(await faultsSplitAfter('de/me/me04')).toHaveLength(1);
  });

  it('takes the hyphen poppler reads at a URL\'s line end for the text layer\'s mark where the URL may break, and judges it elsewhere', async () => {
    for (const first of ['http://', 'me04/', 'me04_459', 'www.mlwerke']) expect(await faultsSplitAfter(first, '-'), first).toEqual([]);
    expect(await faultsSplitAfter('459.ht', '-')).toHaveLength(1);
    expect(await faultsSplitAfter('www.mlwerke.', '-')).toHaveLength(1);
  });
});
