/**
 * Word spaces read back (read-back/word-spaces.ts): from poppler's word boxes,
 * the gaps of the lines that fill their page's text block, and a warning for
 * a justified line with a space wider than the type, at its paragraph's
 * place and page; never for a paragraph's short last line, however its words
 * are spaced.
 */
import { expect, it } from 'vitest';
import { placeLines } from '../../../scripts/formats/read-back/place-lines.ts';
import { parseBboxLayout, type PrintedPage } from '../../../scripts/formats/read-back/printed-text.ts';
import { sourceText } from '../../../scripts/formats/read-back/source-text.ts';
import { justifiedLines, wideSpaces } from '../../../scripts/formats/read-back/word-spaces.ts';
import { markdownStringToHtml } from '../../../scripts/markdown/index.ts';

/** A line of poppler's XHTML: its words at these left and right edges. */
function line(y: number, words: [string, number, number][]): string {
  const boxes = words.map(([text, xMin, xMax]) => `<word xMin="${xMin}" yMin="${y}" xMax="${xMax}" yMax="${y + 12}">${text}</word>`);
  return `<line xMin="${words[0]?.[1]}" yMin="${y}" xMax="${words.at(-1)?.[2]}" yMax="${y + 12}">${boxes.join('')}</line>`;
}

it('warns of a justified line with a space wider than the type, at its paragraph and page, not of a last line', async () => {
  const { tree } = await markdownStringToHtml('---\ntitle: Spaces\nlang: mcd\n---\n\nNoco ratupaifafainquin nan non yopai cuscancai noco ishon yoran isharanonfo.\n\nSecond paragraph here.\n');
  const xhtml = `<page width="396" height="612">${[
    // Fills the block from 54 to 342: its widest gap is 12 pt, over the 10 pt type.
    line(100, [['Noco', 54, 80], ['ratupaifafainquin', 92, 180], ['nan', 183, 200], ['non', 203, 220], ['yopai', 223, 250], ['cuscancai', 253, 342]]),
    // Its last line: short, with a gap of 30 pt, which justification did not open.
    line(114, [['noco', 54, 80], ['ishon', 110, 140], ['yoran', 143, 170], ['isharanonfo.', 173, 230]]),
    line(128, [['Second', 54, 90], ['paragraph', 93, 150], ['here.', 153, 342]]),
  ].join('')}</page>`;
  const pages: PrintedPage[] = parseBboxLayout(xhtml).map((lines, index) => ({ number: index + 2, lines, images: [] }));
  const justified = justifiedLines(pages, 10);
  expect(justified.map(({ gaps }) => Math.max(...gaps))).toEqual([12, 3]);
  const source = sourceText(tree);
  const placed = placeLines(pages, source, { continued: '(continued)', title: 'Spaces' });
  const wide = wideSpaces(justified, placed, source.body, 10);
  expect(wide).toHaveLength(1);
  expect(wide[0]?.page).toBe(2);
  expect(wide[0]?.place).toBe('6:1');
  expect(wide[0]?.reason).toMatch(/^a justified line opens a word space of 12\.0 pt, 1\.20 em, wider than the type \("Noco ratupaifafainquin nan non yopai cuscancai"\)/);
  // At 14 pt type, 12 pt is no hole.
  expect(wideSpaces(justifiedLines(pages, 14), placed, source.body, 14)).toEqual([]);
});
