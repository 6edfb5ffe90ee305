import { describe, expect, it } from 'vitest';
import { paddedOrder, roundUp } from '../../scripts/impose/padding.ts';
import { ContentError } from '../../scripts/util/errors.ts';

describe('paddedOrder', () => {
  it('puts the blanks after the last page by default', () => {
    expect(paddedOrder(5, 8, 0)).toEqual([0, 1, 2, 3, 4, null, null, null]);
  });

  it('puts the blanks before the last N pages with keepLast', () => {
    expect(paddedOrder(5, 8, 1)).toEqual([0, 1, 2, 3, null, null, null, 4]);
    expect(paddedOrder(6, 8, 2)).toEqual([0, 1, 2, 3, null, null, 4, 5]);
  });

  it('adds nothing when the count already fits', () => {
    expect(paddedOrder(8, 8, 3)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('may keep every page at the end', () => {
    expect(paddedOrder(2, 4, 2)).toEqual([null, null, 0, 1]);
  });

  it('refuses to keep more pages than there are', () => {
    expect(() => paddedOrder(3, 4, 4)).toThrow(ContentError);
    expect(() => paddedOrder(3, 4, 4)).toThrow('--keep-last 4 asks for more pages than the 3');
  });
});

describe('roundUp', () => {
  it('rounds up to a whole number of steps, at least one', () => {
    expect([1, 4, 5, 8, 9, 200].map((n) => roundUp(n, 4))).toEqual([4, 4, 8, 8, 12, 200]);
    expect(roundUp(0, 4)).toBe(4);
  });
});
