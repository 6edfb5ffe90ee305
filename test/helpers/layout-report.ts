import { expect } from 'vitest';
import { lettersSetTwice } from '../../scripts/formats/checks.ts';
import type { LayoutReport } from '../../scripts/paginate/paginate.ts';

/** A whole layout report, as a 12-page reading edition with its card on page 9 gives; a test changes what it checks. */
export function wholeReport(changes: Partial<LayoutReport> = {}): LayoutReport {
  return {
    sourceLetters: 1000,
    printedLetters: 1000,
    lost: [],
    clippedNotes: [],
    notesAway: [],
    notesContinued: 0,
    shortPages: [],
    loneLines: [],
    pageCount: 12,
    textBlocks: [],
    notesPages: 1,
    cardPage: 9,
    cardPages: 1,
    headings: [],
    preflight: [],
    insets: [],
    vectorImages: [],
    ...changes,
  };
}

/** What a reader would check in any layout: all the text, once, every note by its call, whole. */
export function expectWhole(report: LayoutReport): void {
  expect(report.printedLetters).toBeGreaterThanOrEqual(report.sourceLetters);
  expect(lettersSetTwice(report)).toBe(0);
  expect(report.lost).toEqual([]);
  expect(report.notesAway).toEqual([]);
  expect(report.clippedNotes).toEqual([]);
}

/**
 * Full pages: no line of a paragraph alone at a page's top or foot, and no
 * page more than 2 lines short but for a reason the build reports.
 */
export function expectFull(report: LayoutReport): void {
  expect(report.loneLines).toEqual([]);
  expect(report.shortPages.filter((page) => page.reason === 'unexplained')).toEqual([]);
}
