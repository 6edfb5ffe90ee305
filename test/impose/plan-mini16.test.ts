/**
 * The 16-page one-sheet zine, checked with a paper model: the printed sheet
 * is turned over as the printer turns it, cut along its two centre lines into
 * four pieces, the pieces stacked as the instructions say (top left at the
 * bottom, then top right, bottom left, bottom right), folded once and leafed
 * through. The pages must read 1..16, each upright.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Size } from '../../scripts/impose/geometry.ts';
import { allSides, planImposition } from '../../scripts/impose/plan.ts';
import type { Plan, Side, Slot } from '../../scripts/impose/plan.ts';
import { asTurnedLikeABook, foldAndOpen, readingOrder } from './fold.ts';

const MINI: Size = { width: 198, height: 306 };
const pages = (count: number): Size[] => Array.from({ length: count }, () => MINI);

/** The order the instructions stack the cut pieces in, outermost first: [left half?, top half?]. */
const STACKING: readonly [boolean, boolean][] = [
  [true, true],
  [false, true],
  [true, false],
  [false, false],
];

/** The sheet cut in four and each piece seen as a booklet sheet: its front and its back (as turned like a book), cells at x 0 and 1. */
function cutAndStack(plan: Plan): [Slot[], Slot[]][] {
  const { sheet } = plan;
  const [frontSide, backSide] = plan.sheets[0]?.sides as [Side, Side];
  const front = frontSide.slots;
  const back = asTurnedLikeABook(backSide, plan.options.duplex, sheet);
  const cellWidth = sheet.width / 4;
  // Turned over like a book page, the back's cell at x lies behind the front's cell at the mirrored x, in the same row.
  const behind = (slot: Slot): Slot => {
    const found = back.find((other) => Math.abs(other.cell.x - (sheet.width - slot.cell.x - cellWidth)) < 1e-6 && Math.abs(other.cell.y - slot.cell.y) < 1e-6);
    if (found === undefined) throw new Error(`nothing printed behind the cell at ${slot.cell.x}, ${slot.cell.y}`);
    return found;
  };
  const at = (slot: Slot, x: number): Slot => ({ ...slot, cell: { ...slot.cell, x } });
  return STACKING.map(([left, top]) => {
    const piece = front
      .filter((slot) => slot.cell.x + cellWidth / 2 < sheet.width / 2 === left && slot.cell.y + slot.cell.height / 2 > sheet.height / 2 === top)
      .sort((a, b) => a.cell.x - b.cell.x);
    expect(piece).toHaveLength(2);
    const [l, r] = piece as [Slot, Slot];
    // Seen from the back, what is behind the right cell is on the left.
    return [
      [at(l, 0), at(r, 1)],
      [at(behind(r), 0), at(behind(l), 1)],
    ];
  });
}

describe('the 16-page zine plan', () => {
  it('prints 8 cells a side on one sheet, both sides, in the layout of the diagram', () => {
    const plan = planImposition(pages(16), { layout: 'mini16' });
    const rows = (side: Side) => [side.slots.filter((s) => s.cell.y > 0), side.slots.filter((s) => s.cell.y === 0)].map((row) => row.map((s) => s.position));
    const [front, back] = plan.sheets[0]?.sides as [Side, Side];
    expect(rows(front)).toEqual([[16, 1, 14, 3], [12, 5, 10, 7]]);
    expect(rows(back)).toEqual([[4, 13, 2, 15], [8, 9, 6, 11]]);
    expect(allSides(plan).flatMap((side) => side.slots).every((slot) => slot.scale === 1)).toBe(true);
  });

  it('reads 1..16 once cut, stacked and folded: a hand check of the model on the default layout', () => {
    const plan = planImposition(pages(16), { layout: 'mini16' });
    expect(readingOrder(foldAndOpen(cutAndStack(plan), 2, 'left'), 'left')).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
  });

  it('refuses more than 16 pages', () => {
    expect(() => planImposition(pages(17), { layout: 'mini16' })).toThrow(/16-page zine holds 16: use --layout booklet/);
  });
});

const mini16Case = fc
  .integer({ min: 1, max: 16 })
  .chain((pageCount) =>
    fc.record({
      pageCount: fc.constant(pageCount),
      keepLast: fc.integer({ min: 0, max: pageCount }),
      paper: fc.constantFrom('letter' as const, 'a4' as const),
      duplex: fc.constantFrom('short' as const, 'long' as const),
      binding: fc.constantFrom('left' as const, 'right' as const),
    }),
  );

describe('the 16-page zine, for every page count, paper, duplex and binding', () => {
  it('cut, stacked and folded, reads 1..16 in the binding\'s order, every page upright, every source page once', () => {
    fc.assert(
      fc.property(mini16Case, ({ pageCount, keepLast, paper, duplex, binding }) => {
        const plan = planImposition(pages(pageCount), { layout: 'mini16', keepLast, paper, duplex, binding });
        const pieces = cutAndStack(plan);
        for (const [front, back] of pieces) expect([...front, ...back].map((slot) => slot.turn)).toEqual([0, 0, 0, 0]);
        const openings = foldAndOpen(pieces, 2, binding);
        expect(readingOrder(openings, binding)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
        expect(openings[0]).toEqual(binding === 'left' ? { right: 1 } : { left: 1 });
        const byPosition = allSides(plan).flatMap((side) => side.slots).sort((a, b) => a.position - b.position);
        const blanks = 16 - pageCount;
        expect(byPosition.map((slot) => slot.page)).toEqual([
          ...Array.from({ length: pageCount - keepLast }, (_, i) => i),
          ...Array.from({ length: blanks }, () => null),
          ...Array.from({ length: keepLast }, (_, i) => pageCount - keepLast + i),
        ]);
      }),
    );
  });
});
