/**
 * The read-back finds each printed line in the source as a reader would read
 * it: a running head is not the text it looks like, and a justified line
 * poppler reads in pieces is one line.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lineEndFaults } from '../../../scripts/formats/read-back/line-ends.ts';
import { placeLines } from '../../../scripts/formats/read-back/place-lines.ts';
import { joinSplitLines, parseBboxLayout, type PrintedLine, type PrintedPage } from '../../../scripts/formats/read-back/printed-text.ts';
import { sourceText } from '../../../scripts/formats/read-back/source-text.ts';
import { markdownStringToHtml } from '../../../scripts/markdown/index.ts';

const pages = (...texts: string[][]): PrintedPage[] =>
  texts.map((lines, index) => ({ number: index + 1, images: [], lines: lines.map((text) => ({ text, xMin: 0, xMax: 0, yMin: 0, yMax: 0, words: [] })) }));

async function lineEnds(markdown: string, printed: PrintedPage[]): Promise<string[]> {
  const { tree, frontMatter } = await markdownStringToHtml(markdown);
  const source = sourceText(tree);
  const placed = placeLines(printed, source, { continued: '(continued)', title: frontMatter.title });
  return lineEndFaults(placed, source, true).map((fault) => `page ${fault.page}: ${fault.reason}`);
}

describe('a running head', () => {
  // udhr-kaz: the preamble's last paragraph begins with the title's words, the last one inflected.
  const KAZAKH = '---\ntitle: "Адам құқықтарының жалпыға бірдей Декларациясы"\nlang: kk\n---\n\nБАС АССАМБЛЕЯ,\n\nАдам құқықтарының жалпыға бірдей Декларациясын бүкіл халықтар мен мемлекеттердің ұмтылыстары арқылы.\n';

  it('is not taken for the text that begins with the title\'s words', async () => {
    const printed = pages(['БАС АССАМБЛЕЯ,'], ['АДАМ ҚҰҚЫҚТАРЫНЫҢ ЖАЛПЫҒА БІРДЕЙ ДЕКЛАРАЦИЯСЫ', 'Адам құқықтарының жалпыға бірдей Декларациясын бүкіл', 'халықтар мен мемлекеттердің ұмтылыстары арқылы.']);
    expect(await lineEnds(KAZAKH, printed)).toEqual([]);
  });

  it('is not taken for the title\'s words at the foot of the page before (udhr-uig_latn), nor when cut short', async () => {
    const markdown = '---\ntitle: "dunya kishilik hoquqi xitabnamisi"\nlang: ug-Latn\n---\n\nortaq ölchem süpitide mushu dunya kishilik hoquqi xitabnamisini élan qilidu. her bir adem we ijtima’iy apparatning.\n';
    const printed = pages(['ortaq ölchem süpitide mushu dunya kishilik hoquqi xitabnamisini élan'], ['DUNYA KISHILIK HOQUQI XITABNAMISI', 'qilidu. her bir adem we ijtima’iy apparatning.']);
    expect(await lineEnds(markdown, printed)).toEqual([]);
    const cut = pages(['ortaq ölchem süpitide mushu dunya kishilik hoquqi xitabnamisini élan'], ['DUNYA KISHILIK HOQUQI XITAB…', 'qilidu. her bir adem we ijtima’iy apparatning.']);
    expect(await lineEnds(markdown, cut)).toEqual([]);
  });

  it('is only a page\'s first line: the same letters further down are read as text, and judged', async () => {
    const printed = pages(['БАС АССАМБЛЕЯ,'], ['АДАМ ҚҰҚЫҚТАРЫНЫҢ ЖАЛПЫҒА БІРДЕЙ ДЕКЛАРАЦИЯСЫ', 'Адам құқықтарының жалпыға бірдей Декларациясы', 'н бүкіл халықтар мен мемлекеттердің ұмтылыстары арқылы.']);
    expect(await lineEnds(KAZAKH, printed)).toEqual(['page 2: the word "Декларациясын" is split with no hyphen, as "Декларациясы" / "н" (it has no hyphenation point there)']);
  });
});

describe('a justified line with wide word spaces', () => {
  const line = (text: string, xMin: number, xMax: number, yMin = 241.64): PrintedLine => ({ text, xMin, xMax, yMin, yMax: yMin + 13.7, words: [] });

  it('is joined from the pieces poppler reads, in the order of writing, and only from pieces on its baseline and near', () => {
    const pieces = [line('Non yonoa cuscan', 48, 151.6), line('isharacointirofoquin.', 36, 137.7, 255.14), line('manifotifin', 162.3, 216.1), line('yora', 331.4, 352.8), line('acanashu', 226.9, 271.9), line('nantifin', 282.6, 320.7)];
    expect(joinSplitLines(pieces).map((joined) => joined.text)).toEqual(['Non yonoa cuscan manifotifin acanashu nantifin yora', 'isharacointirofoquin.']);
    // A folio far off on the same baseline stays apart.
    expect(joinSplitLines([line('Non yonoa cuscan', 48, 151.6), line('8', 300, 305)]).map((joined) => joined.text)).toEqual(['Non yonoa cuscan', '8']);
  });

  it('does not make a word of the next item seem split (udhr-mcd, page 8, as poppler read it)', async () => {
    const dir = join('test', 'fixtures', 'read-back', 'split-line');
    const [page] = parseBboxLayout(await readFile(join(dir, 'page.xhtml'), 'utf8'));
    expect(page?.map((printed) => printed.text)).toContain('Non yonoa cuscan manifotifin acanashu nantifin yora');
    expect(await lineEnds(await readFile(join(dir, 'udhr-mcd.md'), 'utf8'), [{ number: 1, images: [], lines: page ?? [] }])).toEqual([]);
  });
});
