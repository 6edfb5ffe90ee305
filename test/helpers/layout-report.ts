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
