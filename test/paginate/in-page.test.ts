import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countable } from '../../scripts/paginate/in-page/letters.ts';
import { carriedHeight, firstBelow, movedFrom, wordStart } from '../../scripts/paginate/in-page/note-split.ts';
import { linesIn } from '../../scripts/paginate/in-page/page-fill.ts';
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

describe('how full a page is', () => {
  it('counts the whole lines left at the foot', () => {
    expect(linesIn(29, 14.7)).toBe(2);
    expect(linesIn(44, 14.7)).toBe(3);
    expect(linesIn(10, 0)).toBe(0);
  });
});

describe('the time a layout may take', () => {
  it('grows with the document, from 30 s', () => {
    expect(layoutTimeLimit(0)).toBe(30_000);
    expect(layoutTimeLimit(80_000)).toBe(70_000);
    expect(layoutTimeLimit(4_000)).toBeLessThan(60_000);
  });
});
