import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rect, Size } from '../../scripts/impose/geometry.ts';
import { planImposition } from '../../scripts/impose/plan.ts';
import { ContentError } from '../../scripts/util/errors.ts';

const CARD_LETTER: Size = { width: 306, height: 396 };
const key = (cell: Rect): string => `${cell.x},${cell.y},${cell.width},${cell.height}`;

describe('slips plan', () => {
  it('puts four quarter-letter cards on a portrait letter sheet, fronts on side 1 and backs on side 2', () => {
    const plan = planImposition([CARD_LETTER, CARD_LETTER], { layout: 'slips' });
    expect(plan.sheet).toEqual({ width: 612, height: 792 });
    const [front, back] = plan.sheets[0]?.sides ?? [];
    expect(front?.slots.map((slot) => slot.page)).toEqual([0, 0, 0, 0]);
    expect(back?.slots.map((slot) => slot.page)).toEqual([1, 1, 1, 1]);
    for (const slot of [...(front?.slots ?? []), ...(back?.slots ?? [])]) {
      expect(slot.scale).toBe(1);
      expect(slot.turn).toBe(0);
    }
  });

  it('backs each front whichever edge the printer flips on, for any card size and paper', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('letter' as const, 'a4' as const),
        fc.record({ width: fc.integer({ min: 50, max: 900 }), height: fc.integer({ min: 50, max: 900 }) }),
        fc.integer({ min: 1, max: 2 }),
        (paper, size, count) => {
          const plan = planImposition(Array.from({ length: count }, () => size), { layout: 'slips', paper });
          const { width: w, height: h } = plan.sheet;
          expect(w).toBeLessThan(h);
          const [front, back] = plan.sheets[0]?.sides ?? [];
          const backs = new Set(back?.slots.map((slot) => key(slot.cell)));
          for (const slot of front?.slots ?? []) {
            const { x, y, width, height } = slot.cell;
            // Long-edge flip mirrors left and right; short-edge flip mirrors top and bottom.
            expect(backs.has(key({ x: w - x - width, y, width, height }))).toBe(true);
            expect(backs.has(key({ x, y: h - y - height, width, height }))).toBe(true);
            expect(slot.box.width).toBeLessThanOrEqual(width + 1e-9);
            expect(slot.box.height).toBeLessThanOrEqual(height + 1e-9);
          }
          // The cells tile the sheet: four quarters, no overlap.
          expect(new Set(front?.slots.map((slot) => key(slot.cell))).size).toBe(4);
          expect(back?.slots.every((slot) => slot.page === (count === 2 ? 1 : null))).toBe(true);
        },
      ),
    );
  });

  it('refuses a PDF of more than two pages', () => {
    expect(() => planImposition([CARD_LETTER, CARD_LETTER, CARD_LETTER], { layout: 'slips' })).toThrow(ContentError);
  });
});
