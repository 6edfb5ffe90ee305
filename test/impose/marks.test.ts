import { describe, expect, it } from 'vitest';
import { bookletMarks, miniMarks } from '../../scripts/impose/marks.ts';
import type { Line } from '../../scripts/impose/marks.ts';
import { sheetSize } from '../../scripts/impose/paper.ts';

const letter = sheetSize('letter');
const a4 = sheetSize('a4');

const inside = (line: Line, sheet: { width: number; height: number }) =>
  [line.from, line.to].every((p) => p.x >= 0 && p.x <= sheet.width && p.y >= 0 && p.y <= sheet.height);

describe('booklet marks', () => {
  it('ticks the spine at top and bottom, within 24 pt of the edge', () => {
    for (const sheet of [letter, a4]) {
      const ticks = bookletMarks(sheet);
      expect(ticks).toHaveLength(2);
      for (const tick of ticks) {
        expect(tick.style).toBe('tick');
        expect(tick.from.x).toBe(sheet.width / 2);
        expect(tick.to.x).toBe(sheet.width / 2);
        const distances = [tick.from.y, tick.to.y].map((y) => Math.min(y, sheet.height - y));
        expect(Math.min(...distances)).toBeGreaterThan(0);
        expect(Math.max(...distances)).toBeLessThanOrEqual(24);
      }
    }
  });
});

describe('mini marks', () => {
  it('cuts along the horizontal centre from ¼ to ¾ of the width, with a solid line', () => {
    for (const sheet of [letter, a4]) {
      const cuts = miniMarks(sheet).filter((line) => line.style === 'cut');
      expect(cuts).toEqual([
        { from: { x: sheet.width / 4, y: sheet.height / 2 }, to: { x: (3 * sheet.width) / 4, y: sheet.height / 2 }, style: 'cut' },
      ]);
    }
  });

  it('folds between every pair of cells, and never across the cut', () => {
    const folds = miniMarks(letter).filter((line) => line.style === 'fold');
    const verticals = folds.filter((line) => line.from.x === line.to.x).map((line) => line.from.x);
    expect(verticals).toEqual([198, 396, 594]);
    const horizontals = folds.filter((line) => line.from.y === line.to.y);
    expect(horizontals.map((line) => [line.from.x, line.to.x])).toEqual([
      [0, 198],
      [594, 792],
    ]);
    expect(miniMarks(letter).every((line) => inside(line, letter))).toBe(true);
  });
});
