/**
 * The order in which a faulty page is laid out again (lay-out.ts nextRepair):
 * a page break before the block, where the page does not begin in it; else
 * the page ended one line earlier, then two; then nothing more to try.
 */
import { describe, expect, it } from 'vitest';
import { nextRepair } from '../../scripts/formats/lay-out.ts';

describe('the repairs of a page that sets text twice or loses it', () => {
  it('break before the block first, then end the page a line and two lines earlier, then give up', () => {
    const repairs = { breaksBefore: [] as string[], earlierBreaks: [] as { from: number; lines: number }[] };
    expect(nextRepair({ page: 4, kind: 'twice', breakBefore: '31:1', from: 5000, beginsPage: false }, repairs)).toBe(true);
    expect(repairs).toEqual({ breaksBefore: ['31:1'], earlierBreaks: [] });
    // Laid out again, the block begins page 5: a break before it changes nothing there.
    const begins = { page: 5, kind: 'twice', breakBefore: '31:1', from: 6100, beginsPage: true } as const;
    expect(nextRepair(begins, repairs)).toBe(true);
    expect(repairs.earlierBreaks).toEqual([{ from: 6100, lines: 1 }]);
    expect(nextRepair(begins, repairs)).toBe(true);
    expect(repairs.earlierBreaks).toEqual([{ from: 6100, lines: 2 }]);
    expect(nextRepair(begins, repairs)).toBe(false);
    // Another page is a repair of its own.
    expect(nextRepair({ ...begins, page: 9, from: 12_000 }, repairs)).toBe(true);
    expect(repairs.earlierBreaks).toEqual([{ from: 6100, lines: 2 }, { from: 12_000, lines: 1 }]);
  });

  it('end a page that begins in the block earlier at once, with no break before it', () => {
    const repairs = { breaksBefore: [] as string[], earlierBreaks: [] as { from: number; lines: number }[] };
    expect(nextRepair({ page: 3, kind: 'lost', breakBefore: '9:1', from: 2400, beginsPage: true }, repairs)).toBe(true);
    expect(repairs).toEqual({ breaksBefore: [], earlierBreaks: [{ from: 2400, lines: 1 }] });
  });
});
