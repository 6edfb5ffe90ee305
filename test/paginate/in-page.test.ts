import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countable } from '../../scripts/paginate/in-page/letters.ts';
import { notesPagesWanted } from '../../scripts/paginate/in-page/notes-pages.ts';
import { inPageScript } from '../../scripts/paginate/in-page-bundle.ts';
import { parseLayoutReport } from '../../scripts/paginate/layout-report.ts';

const report = {
  sourceLetters: 10,
  printedLetters: 10,
  clippedNotes: [],
  notesAway: [],
  notesContinued: 0,
  pageCount: 8,
  notesPages: 1,
  cardPage: 5,
  cardPages: 1,
  headings: [{ id: 'a', level: 2, text: 'A', page: 2 }],
};

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
