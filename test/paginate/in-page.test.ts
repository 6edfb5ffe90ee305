import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countable } from '../../scripts/paginate/in-page/letters.ts';
import { carriedHeight, firstBelow, linesKept, linesThatFit, movedFrom, wordStart, type PageLine } from '../../scripts/paginate/in-page/note-split.ts';
import { linesIn } from '../../scripts/paginate/in-page/page-fill.ts';
import { leastShort, shortLines, withOneLineHeads } from '../../scripts/paginate/in-page/short-page.ts';
import { changedMarks } from '../../scripts/paginate/in-page/source-diff.ts';
import { notesPagesWanted } from '../../scripts/paginate/in-page/notes-pages.ts';
import { inPageScript } from '../../scripts/paginate/in-page-bundle.ts';
import { layoutTimeLimit } from '../../scripts/paginate/paginate.ts';
import { parseLayoutReport } from '../../scripts/paginate/layout-report.ts';
import { wholeReport } from '../helpers/layout-report.ts';

const report = wholeReport({ pageCount: 8, cardPage: 5, headings: [{ id: 'a', level: 2, text: 'A', page: 2 }] });

describe('the in-page code, outside the browser', () => {
  it('counts letters without white space or soft hyphens', () => {
    expect(countable('hy\u00adphen ated\n word')).toBe('hyphenatedword');
    expect(countable(' \u00a0\t')).toBe('');
  });

  it('keeps one notes page among the rest so the total becomes a multiple of 4', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (pageCount) => {
        const wanted = notesPagesWanted(pageCount);
        expect(wanted).toBeGreaterThanOrEqual(0);
        expect(wanted).toBeLessThan(4);
        expect((pageCount - 1 + wanted) % 4).toBe(0);
      }),
    );
  });

  it('accepts a well-formed report and names the field of a malformed one', () => {
    expect(parseLayoutReport(report)).toEqual(report);
    expect(() => parseLayoutReport({ ...report, pageCount: '8' })).toThrow(/at "pageCount"/);
    expect(() => parseLayoutReport({ ...report, headings: [{ id: 'a', level: 2, text: 'A' }] })).toThrow(
      /at "headings.0.page"/,
    );
    expect(() => parseLayoutReport(undefined)).toThrow(/malformed/);
  });

  it('bundles into one script that defines window.zinepress, once per process', async () => {
    const script = await inPageScript();
    expect(script).toContain('window.zinepress');
    expect(script).not.toMatch(/^\s*(import|export) /m);
    expect(await inPageScript()).toBe(script);
  });
});

describe('cutting a note at the foot of its page', () => {
  it('finds the first letter below the foot, skipping letters without a box', () => {
    const lines = [0, 0, 0, undefined, 1, 1, 1];
    expect(firstBelow(lines.length, (i) => (lines[i] === undefined ? undefined : lines[i] === 1))).toBe(3);
    expect(firstBelow(3, () => false)).toBe(3);
    expect(firstBelow(3, () => true)).toBe(0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (length, cut) => {
        expect(firstBelow(length, (i) => i >= cut)).toBe(Math.min(cut, length));
      }),
    );
  });

  it('cuts between words or at a soft hyphen, never inside a syllable', () => {
    expect(wordStart('the note goes on', 10)).toBe(9);
    expect(wordStart('ac\u00adknowl\u00adedg\u00ading', 4)).toBe(3);
    expect(wordStart('word', 0)).toBe(0);
  });

  it('moves a call\'s line over without leaving a line alone', () => {
    expect(movedFrom(5, 10, false)).toBe(5);
    // The paragraph's last line would stand alone overleaf: the line before goes too.
    expect(movedFrom(9, 10, false)).toBe(8);
    expect(movedFrom(9, 10, true)).toBe(9);
    // One line would stay alone at the foot: the whole paragraph goes.
    expect(movedFrom(1, 10, false)).toBe(0);
    expect(movedFrom(2, 3, false)).toBe(0);
    expect(movedFrom(0, 1, false)).toBe(0);
  });

  it('lets notes carried onto a page take at most half of it', () => {
    expect(carriedHeight(100, 600)).toBe(100);
    expect(carriedHeight(900, 600)).toBe(300);
  });
});

/**
 * Lines of 18 px from the top of a page, in paragraphs of the given lengths,
 * the notes each calls reaching `reaches[line]`; `continues`: the last
 * paragraph goes on on the next page.
 */
function page(paragraphs: number[], reaches: Record<number, number> = {}, continues = false): PageLine[] {
  const lines: PageLine[] = [];
  paragraphs.forEach((count, paragraph) => {
    for (let index = 0; index < count; index += 1) {
      const top = lines.length * 18;
      const last = paragraph === paragraphs.length - 1;
      const reach = reaches[lines.length] ?? 0;
      lines.push({ top, bottom: top + 18, reach, reachOne: reach, end: reach, index, count, continues: continues && last, heading: false });
    }
  });
  return lines;
}

describe('where a new version of the source differs from the last', () => {
  it('names each changed node where both have as many', () => {
    expect(changedMarks(['a', 'b', 'c', 'd'], ['a', 'B', 'c', 'D'])).toEqual([1, 3]);
    expect(changedMarks(['a', 'b'], ['a', 'b'])).toEqual([]);
  });

  it('names the first difference where a node came or went', () => {
    expect(changedMarks(['a', 'b', 'c'], ['a', 'x', 'b', 'c'])).toEqual([1]);
    expect(changedMarks(['a', 'b', 'c'], ['a', 'b'])).toEqual([2]);
    expect(changedMarks([], ['a'])).toEqual([0]);
  });
});

describe('which lines keep their notes on the page', () => {
  const options = { foot: 540, frame: 10, carried: 0 };

  it('keeps every line when the notes fit below them', () => {
    expect(linesThatFit(page([10, 10], { 3: 40, 15: 120 }), options)).toBe(20);
    expect(linesThatFit(page([30]), options)).toBe(30);
  });

  it('stops before the first line whose note would not begin on the page', () => {
    // Line 20 ends at 378: its note's head would end at 378 + 10 + 160 = 548, past the foot.
    expect(linesThatFit(page([25], { 5: 60, 20: 160 }), options)).toBe(20);
    // A note that is not on the page at all (Infinity) sends its line over.
    expect(linesThatFit(page([25], { 2: Infinity }), options)).toBe(2);
  });

  it('keeps room for notes continued from the page before', () => {
    expect(linesThatFit(page([30]), { ...options, carried: 200 })).toBe(18);
  });

  it('never keeps more lines than fit, whatever the notes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 200 }), (reaches, carried) => {
        const lines = page([reaches.length], Object.fromEntries(reaches.map((reach, i) => [i, reach])));
        const fit = linesThatFit(lines, { ...options, carried });
        const reach = Math.max(carried, ...reaches.slice(0, fit));
        if (fit > 0) expect((lines[fit - 1]?.bottom ?? 0) + (reach > 0 ? options.frame + reach : 0)).toBeLessThanOrEqual(options.foot + 0.5);
      }),
    );
  });

  it('moves lines over in pairs at a paragraph\'s end or start, headings with their next lines', () => {
    // The 10th line, a paragraph's last, would be alone overleaf: the 9th goes too.
    expect(linesKept(page([10, 10]), 19)).toBe(18);
    // Only one line of the second paragraph would stay: the whole paragraph goes.
    expect(linesKept(page([10, 10]), 11)).toBe(10);
    // A paragraph going on past the page anyway takes its one line over alone.
    expect(linesKept(page([10, 10], {}, true), 19)).toBe(19);
    const withHeading = page([10, 1, 10]).map((line, i) => (i === 10 ? { ...line, heading: true } : line));
    expect(linesKept(withHeading, 11)).toBe(10);
  });

  it('sends a line more over when the next page would begin with one line alone', () => {
    expect(linesKept(page([10, 10], {}, true), 20, 1)).toBe(19);
    expect(linesKept(page([10, 10], {}, true), 20, 5)).toBe(20);
    // A paragraph's one line alone at the foot goes over.
    expect(linesKept(page([10, 1], {}, true), 11, 5)).toBe(10);
  });
});

describe('how full a page is', () => {
  it('counts the whole lines left at the foot', () => {
    expect(linesIn(29, 14.7)).toBe(2);
    expect(linesIn(44, 14.7)).toBe(3);
    expect(linesIn(10, 0)).toBe(0);
  });

  // 30 lines of 18 px fill the 540 px page exactly.
  const options = { foot: 540, frame: 10, carried: 0, lineHeight: 18 };

  it('counts the lines a page would end short when only some of its lines stay', () => {
    const lines = page([20, 10]);
    expect(shortLines(lines, 30, options)).toBe(0);
    expect(shortLines(lines, 28, options)).toBe(2);
    expect(shortLines(lines, 27, options)).toBe(3);
    // The notes of the lines that stay fill the foot: 486 + 10 + 30 leaves 14 px, less than a line.
    expect(shortLines(page([20, 10], { 5: 30 }), 27, options)).toBe(0);
    // Notes that run past the foot are continued overleaf, and leave no room.
    expect(shortLines(page([20, 10], { 5: 400 }), 27, options)).toBe(0);
  });

  it('lets a note begin with its first line alone where its first two would not fit', () => {
    // Line 28 ends at 504: its note's first two lines would end at 504 + 10 + 40, past the foot; its first at 534.
    const lines = page([20, 10]).map((line, i) => (i === 27 ? { ...line, reach: 40, reachOne: 20, end: 60 } : line));
    expect(linesThatFit(lines, options)).toBe(27);
    expect(linesThatFit(withOneLineHeads(lines), options)).toBe(28);
  });

  it('takes the first way of fitting a page that leaves it at most 2 lines short, or else the least short', () => {
    const lines = page([20, 10]);
    const tried: number[] = [];
    function* fittings(kepts: number[]) {
      for (const kept of kepts) {
        tried.push(kept);
        yield { lines, kept };
      }
    }
    expect(leastShort(fittings([26, 28, 29]), options)?.kept).toBe(28);
    // Once one will do, the ways after it are not measured.
    expect(tried).toEqual([26, 28]);
    expect(leastShort(fittings([25, 27, 26]), options)?.kept).toBe(27);
    expect(leastShort(fittings([]), options)).toBeUndefined();
  });
});

describe('the time a layout may take', () => {
  it('grows with the document, from 30 s', () => {
    expect(layoutTimeLimit(0)).toBe(30_000);
    expect(layoutTimeLimit(80_000)).toBe(70_000);
    expect(layoutTimeLimit(4_000)).toBeLessThan(60_000);
  });

  it('never passes ten minutes, however long the document (10 MB would have had 83 minutes)', () => {
    expect(layoutTimeLimit(1_000_000)).toBe(530_000);
    expect(layoutTimeLimit(10_000_000)).toBe(600_000);
  });
});
