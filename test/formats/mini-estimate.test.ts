import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MINI_CAPACITY, miniCapacity, nextMiniSize, planMini, textRoom } from '../../scripts/formats/mini-estimate.ts';
import { MINI_FONT_SIZES } from '../../scripts/formats/mini.ts';

describe('the mini zine’s estimate', () => {
  it('counts letters of the text, not markup or white space, and wide-script letters twice', () => {
    expect(textRoom('<p class="x">ab c</p>')).toBe(3);
    expect(textRoom('<p>a&amp;b</p>')).toBe(3);
    expect(textRoom('<p>日本語 한</p>')).toBe(8);
    expect(textRoom('<p>con\u00ADtin\u00ADues</p>')).toBe(9);
  });

  it('does not lay out a text far past what 8 pages hold at 7 pt, and starts a short one at 9 pt', () => {
    const essay = 10_523; // the essay's letters, measured
    expect(planMini({ room: essay, sizes: MINI_FONT_SIZES }).sizes).toEqual([]);
    expect(planMini({ room: 2_000, sizes: MINI_FONT_SIZES }).sizes).toEqual([9]);
    const middle = Math.floor(MINI_CAPACITY / 64); // fits at 8 pt, not above
    expect(planMini({ room: middle, sizes: MINI_FONT_SIZES }).sizes).toEqual([8]);
  });

  it('starts the essay’s 16-page zine at 7.5 pt, the size it is made at, its cover and back cover counted once for both sides', () => {
    const essay = 10_523;
    expect(planMini({ room: essay, sizes: MINI_FONT_SIZES, sheets: 2 }).sizes).toEqual([7.5]);
    // A side of 8 pages has 6 of running text; two sides have 14.
    expect(miniCapacity(2) / miniCapacity(1)).toBeCloseTo(14 / 6);
  });

  it('finds the largest size that fits from any first guess, laying out each size at most once', () => {
    const sizes = [...MINI_FONT_SIZES];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: sizes.length }), fc.constantFrom(...sizes), (fitting, first) => {
        // The `fitting` smallest sizes fit; larger ones do not (fitting is monotone in the size).
        const fits = (size: number) => sizes.indexOf(size) >= sizes.length - fitting;
        const tried = new Map<number, boolean>();
        const order: number[] = [];
        for (let size: number | undefined = first; size !== undefined; size = nextMiniSize(sizes, tried)) {
          expect(tried.has(size)).toBe(false);
          order.push(size);
          tried.set(size, fits(size));
        }
        const best = sizes.find(fits);
        const found = [...tried].filter(([, fit]) => fit).map(([size]) => size);
        expect(found.length === 0 ? undefined : Math.max(...found)).toBe(best);
        expect(order.length).toBeLessThanOrEqual(sizes.length);
      }),
    );
  });
});
