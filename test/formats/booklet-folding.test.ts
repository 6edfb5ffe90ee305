import { describe, expect, it } from 'vitest';
import { bookletFolding, SHEET_THICKNESS } from '../../scripts/formats/booklet-folding.ts';

const mm = 72 / 25.4;

describe('how the build folds its booklet', () => {
  it('folds up to 4 sheets as one booklet with no creep', () => {
    expect(bookletFolding({ pageCount: 16 })).toEqual({ signature: undefined, creep: 0, note: undefined });
  });

  it('adds creep for office paper over 4 sheets: 0.1 mm a sheet of the fold', () => {
    const folding = bookletFolding({ pageCount: 32 });
    expect(folding.signature).toBeUndefined();
    expect(folding.creep / mm).toBeCloseTo(0.8, 9);
    expect(folding.note).toBe('creep 0.8 mm (office paper, 0.1 mm a sheet)');
  });

  it('folds over 8 sheets in signatures of 4, the creep of a 4-sheet fold', () => {
    // The essay repeated 20 times: 112 pages, 28 sheets.
    const folding = bookletFolding({ pageCount: 112 });
    expect(folding.signature).toBe(4);
    expect(folding.creep).toBeCloseTo(4 * SHEET_THICKNESS, 9);
    expect(folding.note).toBe('7 signatures of 4 sheets, creep 0.4 mm (office paper, 0.1 mm a sheet)');
    expect(bookletFolding({ pageCount: 44 }).note).toBe('3 signatures of 4 sheets (the last 3), creep 0.4 mm (office paper, 0.1 mm a sheet)');
  });

  it('takes the front matter\'s signature and creep over the defaults', () => {
    expect(bookletFolding({ pageCount: 40, signature: 3, creep: mm })).toEqual({ signature: 3, creep: mm, note: '4 signatures of 3 sheets (the last 1), creep 1 mm' });
    expect(bookletFolding({ pageCount: 112, creep: 0 }).creep).toBe(0);
    // A signature as large as the booklet is one signature.
    expect(bookletFolding({ pageCount: 12, signature: 5 })).toEqual({ signature: undefined, creep: 0, note: undefined });
  });
});
