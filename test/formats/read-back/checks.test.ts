import { describe, expect, it } from 'vitest';
import { lineEndFaults } from '../../../scripts/formats/read-back/line-ends.ts';
import { loneLineFaults } from '../../../scripts/formats/read-back/lone-lines.ts';
import { imageFaults } from '../../../scripts/formats/read-back/images.ts';
import { missingWebImages } from '../../../scripts/formats/read-back/web-images.ts';
import { placeLines } from '../../../scripts/formats/read-back/place-lines.ts';
import type { PrintedPage } from '../../../scripts/formats/read-back/printed-text.ts';
import { sourceText } from '../../../scripts/formats/read-back/source-text.ts';
import { markdownStringToHtml } from '../../../scripts/markdown/index.ts';

const FRONT = '---\ntitle: Read back\nlang: en\n---\n\n';

/** Pages of printed lines, as poppler would give them (boxes do not matter here). */
const pages = (...texts: string[][]): PrintedPage[] =>
  texts.map((lines, index) => ({ number: index + 1, images: [], lines: lines.map((text) => ({ text, xMin: 0, xMax: 0, yMin: 0, yMax: 0, words: [] })) }));

async function faults(markdown: string, printed: PrintedPage[], hyphenates = true, front = FRONT) {
  const { tree, frontMatter } = await markdownStringToHtml(front + markdown);
  const source = sourceText(tree);
  const placed = placeLines(printed, source, { continued: '(continued)', title: frontMatter.title });
  return { ends: lineEndFaults(placed, source, hyphenates), lone: loneLineFaults(placed, source.body) };
}

const MANIFESTO =
  'National one-sidedness and narrowmindedness become more and more impossible, and from the numerous national and local literatures there arises a world literature.';

describe('the read-back of line ends', () => {
  it('takes a cover line of the title for the cover, where its letters start the text', async () => {
    const front = '---\ntitle: Lapan runakuna imanawpa\nlang: en\n---\n\n';
    const text = 'Lapan runakunapis libri kananpaq, and the rest of the first paragraph of the text.';
    const printed = pages(['LAPAN RUNAKUNA', 'IMANAWPA'], ['Lapan runakunapis libri kananpaq, and the rest of the first', 'paragraph of the text.']);
    const { ends } = await faults(text, printed, true, front);
    expect(ends).toEqual([]);
  });

  it('reads a carried note\'s line past its (continued) label, and judges its end', async () => {
    const text = 'The first paragraph of the text, which calls a note.[^a]\n\n[^a]: A note long enough to be carried over to the following page after its call, as a reader sees.';
    const printed = pages(
      ['The first paragraph of the text, which calls a note.', '* A note long enough to be'],
      ['(continued) carried over to the fo-', 'llowing page after its call, as a reader sees.'],
    );
    const { ends } = await faults(text, printed);
    expect(ends.map((fault) => fault.reason)).toEqual(['the word "following" is hyphenated where its language does not break it, as "fo" / "llowing" (it breaks only at fol-low-ing)']);
  });

  it('passes lines broken at spaces and at the hyphenation points of the language', async () => {
    const { ends } = await faults(MANIFESTO, pages(['National one-sidedness and narrowmindedness be-', 'come more and more impossible, and from the numerous national'], ['and local literatures there arises a world literature.']));
    expect(ends).toEqual([]);
  });

  it('finds a word broken where English has no hyphenation point, naming the page and the block', async () => {
    const { ends } = await faults(MANIFESTO, pages(['National one-sidedness and narrowmindedness be-', 'c-'], ['ome more and more impossible, and from the numerous national', 'and local literatures there arises a world literature.']));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ page: 1, place: '6:1' });
    expect(ends[0]?.reason).toBe('the word "become" is hyphenated where its language does not break it, as "bec" / "ome" (it breaks only at be-come)');
  });

  it('finds a word split with no hyphen at a page turn, and "satell-ite"', async () => {
    const text = 'These are the conditions of existence of the satellite and of the planet in common sense.';
    const { ends } = await faults(text, pages(['These are the condit'], ['ions of existence of the satell-', 'ite and of the planet in common sense.']));
    expect(ends.map((fault) => [fault.page, fault.reason.replace(/ \(.*/, '')])).toEqual([
      [1, 'the word "conditions" is split with no hyphen, as "condit" / "ions"'],
      [2, 'the word "satellite" is hyphenated where its language does not break it, as "satell" / "ite"'],
    ]);
  });

  it('lets Chinese and Thai lines end between any two characters, but no edition without hyphens split a word', async () => {
    const chinese = await faults('人人生而自由在尊严和权利上一律平等他们赋有理性和良心并应以兄弟关系的精神相对待', pages(['人人生而自由在尊严和权利上一律', '平等他们赋有理性和良心并应以兄弟关系的精神相对待']));
    expect(chinese.ends).toEqual([]);
    // The hyphen the text layer draws between two Chinese letters for poppler to join the lines (pdf/word-lines.ts) is no hyphenation.
    const joined = await faults('人人生而自由在尊严和权利上一律平等他们赋有理性和良心并应以兄弟关系的精神相对待', pages(['人人生而自由在尊严和权利上一律-', '平等他们赋有理性和良心并应以兄弟关系的精神相对待']));
    expect(joined.ends).toEqual([]);
    const latin = await faults('Everyone is born free and equal in dignity and rights.', pages(['Everyone is born free and equal in dig-', 'nity and rights.']));
    expect(latin.ends).toEqual([]);
    const wrong = await faults('Everyone is born free and equal in dignity and rights.', pages(['Everyone is born free and equal in di-', 'gnity and rights.']));
    expect(wrong.ends).toHaveLength(1);
    const large = await faults(MANIFESTO, pages(['National one-sidedness and narrowmindedness be-', 'come more and more impossible, and from the numerous national and local literatures there arises a world literature.']), false);
    expect(large.ends[0]?.reason).toBe('the word "become" is split across lines as "be" / "come", which this edition never does');
  });
});

describe('the read-back of lone lines', () => {
  const PARAGRAPHS = 'The first paragraph runs over three printed lines of text here.\n\nThe second paragraph also runs over three printed lines of text.';
  it('finds a last line alone at the top of a page and a first line alone at its foot', async () => {
    const widow = await faults(PARAGRAPHS, pages(['The first paragraph runs over', 'three printed lines of'], ['text here.', 'The second paragraph also runs', 'over three printed lines of text.']));
    expect(widow.lone).toEqual([{ page: 2, place: '6:1', reason: 'the last line of a paragraph is alone at the top of the page ("text here.")' }]);
    const orphan = await faults(PARAGRAPHS, pages(['The first paragraph runs over', 'three printed lines of text here.', 'The second paragraph also runs'], ['over three printed lines of text.']));
    expect(orphan.lone).toEqual([{ page: 1, place: '8:1', reason: 'the first line of a paragraph is alone at the foot of the page ("The second paragraph also runs")' }]);
    const kept = await faults(PARAGRAPHS, pages(['The first paragraph runs over', 'three printed lines of text here.'], ['The second paragraph also runs', 'over three printed lines of text.']));
    expect(kept.lone).toEqual([]);
  });
});

describe('the read-back of images', () => {
  it('names the place of an image no page draws', () => {
    const printed = pages([], []);
    printed[1]?.images.push({ width: 800, height: 600, box: undefined });
    const images = [
      { src: 'a.png', place: '3:1', width: 600, height: 800 },
      { src: 'b.png', place: '7:1', width: 1500, height: 1000 },
    ];
    expect(imageFaults(printed, images)).toEqual([{ page: 0, place: '7:1', reason: 'the image b.png (1500×1000) is on no page' }]);
  });

  it('names the page and the side where an image stands out of its text block, and passes one inside it', () => {
    const block = { left: 36, top: 43.2, right: 352.8, bottom: 558 };
    const printed = pages([], [], []);
    printed[1]?.images.push({ width: 1500, height: 1000, box: { left: 36, top: 100, right: 352.8, bottom: 311.2 } });
    printed[2]?.images.push({ width: 600, height: 1400, box: { left: 100, top: 43.2, right: 340, bottom: 603.2 } });
    const images = [
      { src: 'wide.png', place: '14:1', width: 1500, height: 1000 },
      { src: 'tall.png', place: '18:1', width: 600, height: 1400 },
    ];
    const blocks = [1, 2, 3].map((page) => ({ page, ...block }));
    expect(imageFaults(printed, images, blocks)).toEqual([{ page: 3, place: '18:1', reason: 'the image tall.png stands out of the text block, 45.2 pt past its bottom edge' }]);
    // A point past the edge is rounding, not a misplaced image.
    printed[2]?.images.splice(0, 1, { width: 600, height: 1400, box: { left: 35.2, top: 43.2, right: 340, bottom: 558.9 } });
    expect(imageFaults(printed, images, blocks)).toEqual([]);
  });

  it('takes the drawing inside the text block where the same file is also the cover, drawn to the edges', () => {
    const printed = pages([], []);
    printed[0]?.images.push({ width: 800, height: 600, box: { left: 0, top: 0, right: 396, bottom: 612 } });
    printed[1]?.images.push({ width: 800, height: 600, box: { left: 40, top: 60, right: 350, bottom: 300 } });
    const blocks = [1, 2].map((page) => ({ page, left: 36, top: 43.2, right: 352.8, bottom: 558 }));
    expect(imageFaults(printed, [{ src: 'a.png', place: '3:1', width: 800, height: 600 }], blocks)).toEqual([]);
  });

  it('names an image of the text that the web page does not show', () => {
    const html = '<p><img src="a.png" alt=""></p><p><img alt="x" src="b&amp;c.png"></p>';
    const images = [
      { src: 'a.png', place: '3:1' },
      { src: 'b&c.png', place: '5:1' },
      { src: 'a.png', place: '7:1' },
    ];
    expect(missingWebImages(html, images)).toEqual([{ page: 0, place: '7:1', reason: 'the image a.png is not in the web edition' }]);
  });
});

describe('the read-back of a word longer than a line', () => {
  it('lets it break where it must, and judges the lines around it', async () => {
    const word = 'solidarity'.repeat(8);
    const { ends } = await faults(`We want ${word} now and always.`, pages(['We want', word.slice(0, 45), word.slice(45), 'now and always.']));
    expect(ends).toEqual([]);
  });
});
