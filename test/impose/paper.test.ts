import { describe, expect, it } from 'vitest';
import { isPaper, sheetSize } from '../../scripts/impose/paper.ts';

describe('sheetSize', () => {
  it('gives landscape sheets in points', () => {
    expect(sheetSize('letter')).toEqual({ width: 792, height: 612 });
    expect(sheetSize('a4')).toEqual({ width: 842, height: 595 });
  });

  it('knows only letter and a4', () => {
    expect(['letter', 'a4', 'A4', 'legal', ''].map(isPaper)).toEqual([true, true, false, false, false]);
  });
});
