import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { median, schedule } from '../../scripts/bench/schedule.ts';

describe('schedule', () => {
  it('runs every cell once per round, rounds one after another (A B C A B C …)', () => {
    const slots = schedule(['A', 'B', 'C'], { runs: 3 });
    expect(slots.map((slot) => slot.cell).join('')).toBe('ABCABCABC');
    expect(slots.map((slot) => slot.round)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
  });

  it('puts the warm-ups first, uncounted', () => {
    const slots = schedule(['A', 'B'], { runs: 2, warmUp: ['A', 'B'] });
    expect(slots).toEqual([
      { cell: 'A', round: -1 },
      { cell: 'B', round: -1 },
      { cell: 'A', round: 0 },
      { cell: 'B', round: 0 },
      { cell: 'A', round: 1 },
      { cell: 'B', round: 1 },
    ]);
  });

  it('gives each cell exactly `runs` counted runs, never two of one cell in a row when there are several', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 7 }), (cells, runs) => {
        const names = Array.from({ length: cells }, (_, i) => i);
        const counted = schedule(names, { runs }).filter((slot) => slot.round >= 0);
        for (const name of names) expect(counted.filter((slot) => slot.cell === name)).toHaveLength(runs);
        counted.slice(1).forEach((slot, i) => expect(slot.cell).not.toBe(counted[i]?.cell));
      }),
    );
  });

  it('refuses a number of runs that is not a whole number of at least 1', () => {
    expect(() => schedule(['A'], { runs: 0 })).toThrow(RangeError);
    expect(() => schedule(['A'], { runs: 2.5 })).toThrow(RangeError);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([2.7, 4.5, 2.6, 9, 2.8])).toBe(2.8);
  });

  it('takes the mean of the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is NaN for no values, and does not reorder its input', () => {
    expect(median([])).toBeNaN();
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
