import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Size } from '../../scripts/impose/geometry.ts';
import { planImposition } from '../../scripts/impose/plan.ts';
import type { Plan, Slot } from '../../scripts/impose/plan.ts';
import { ContentError } from '../../scripts/util/errors.ts';

const MINI_LETTER: Size = { width: 198, height: 306 };
const pages = (count: number, size: Size = MINI_LETTER): Size[] => Array.from({ length: count }, () => size);

function slotsOf(plan: Plan): Slot[] {
  expect(plan.sheets).toHaveLength(1);
  expect(plan.sheets[0]?.sides.map((side) => side.name)).toEqual(['front']);
  return plan.sheets[0]?.sides[0]?.slots ?? [];
}

/** The sheet as a grid of positions, top row first, left to right: "5↻" is turned 180°. */
function grid(plan: Plan): string[][] {
  const slots = slotsOf(plan);
  const rows = [...new Set(slots.map((slot) => slot.cell.y))].sort((a, b) => b - a);
  return rows.map((y) =>
    slots
      .filter((slot) => slot.cell.y === y)
      .sort((a, b) => a.cell.x - b.cell.x)
      .map((slot) => `${slot.position}${slot.turn === 180 ? '↻' : ''}`),
  );
}

/**
 * The openings of the folded mini zine: folded in half along the long middle,
 * cut along the middle of the fold and pushed into a book, each pair of
 * neighbouring cells in a row (columns 1–2 and 3–4) becomes one opening, the
 * top row read turned upright. The pair that holds page 1 is the outside:
 * front cover and back cover.
 */
function foldedMini(plan: Plan): { left: number; right: number }[] {
  const rows = grid(plan).map((row) => row.map((cell) => Number.parseInt(cell, 10)));
  const [top = [], bottom = []] = rows;
  const upright = [...top].reverse();
  return [upright, bottom].flatMap((row) => [
    { left: row[0] as number, right: row[1] as number },
    { left: row[2] as number, right: row[3] as number },
  ]);
}

describe('mini plan', () => {
  it('uses the standard layout: top row 5 4 3 2 turned, bottom row 6 7 8 1 upright', () => {
    expect(grid(planImposition(pages(8), { layout: 'mini' }))).toEqual([
      ['5↻', '4↻', '3↻', '2↻'],
      ['6', '7', '8', '1'],
    ]);
  });

  it('runs the rows the other way when bound on the right: top row 2 3 4 5 turned, bottom row 1 8 7 6', () => {
    expect(grid(planImposition(pages(8), { layout: 'mini', binding: 'right' }))).toEqual([
      ['2↻', '3↻', '4↻', '5↻'],
      ['1', '8', '7', '6'],
    ]);
  });

  it('splits a letter sheet into 2.75 × 4.25 in cells that a mini page fills', () => {
    const plan = planImposition(pages(8), { layout: 'mini' });
    expect(plan.sheet).toEqual({ width: 792, height: 612 });
    for (const slot of slotsOf(plan)) {
      expect(slot.cell.width).toBe(198);
      expect(slot.cell.height).toBe(306);
      expect(slot.scale).toBe(1);
      expect(slot.box).toEqual(slot.cell);
    }
  });

  it('fits a 74 × 105 mm page to an A4 cell', () => {
    const mm = 72 / 25.4;
    const plan = planImposition(pages(8, { width: 74 * mm, height: 105 * mm }), { layout: 'mini', paper: 'a4' });
    expect(plan.sheet).toEqual({ width: 842, height: 595 });
    for (const slot of slotsOf(plan)) {
      expect(slot.cell).toMatchObject({ width: 210.5, height: 297.5 });
      expect(slot.scale).toBeGreaterThan(0.99);
      expect(slot.scale).toBeLessThan(1.01);
    }
  });

  it('scales a full-size page down into a cell', () => {
    const plan = planImposition(pages(8, { width: 612, height: 792 }), { layout: 'mini' });
    const cover = slotsOf(plan).find((slot) => slot.position === 1);
    // The page is relatively wider than the cell: its width decides.
    expect(cover?.scale).toBeCloseTo(198 / 612, 9);
    expect(cover?.box.width).toBeCloseTo(198, 9);
    expect(cover?.box.y).toBeCloseTo((306 - 792 * (198 / 612)) / 2, 9);
  });

  it('pads fewer than 8 pages with blanks at the end, or before the kept pages', () => {
    const pageAt = (plan: Plan) => (position: number) =>
      slotsOf(plan).find((slot) => slot.position === position)?.page;
    const positions = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(positions.map(pageAt(planImposition(pages(6), { layout: 'mini' })))).toEqual([0, 1, 2, 3, 4, 5, null, null]);
    expect(positions.map(pageAt(planImposition(pages(6), { layout: 'mini', keepLast: 1 })))).toEqual([
      0, 1, 2, 3, 4, null, null, 5,
    ]);
  });

  it('refuses more than 8 pages, naming the count and suggesting the booklet', () => {
    expect(() => planImposition(pages(9), { layout: 'mini' })).toThrow(ContentError);
    expect(() => planImposition(pages(9), { layout: 'mini' })).toThrow(/9 pages.*--layout booklet/);
  });
});

describe('mini plan, for every page count and every option', () => {
  const options = {
    paper: fc.constantFrom('letter' as const, 'a4' as const),
    duplex: fc.constantFrom('short' as const, 'long' as const),
  };

  it('places every page once, turns only the top row, and pads only before the kept pages', () => {
    const miniCase = fc
      .integer({ min: 1, max: 8 })
      .chain((pageCount) =>
        fc.record({ pageCount: fc.constant(pageCount), keepLast: fc.integer({ min: 0, max: pageCount }), ...options }),
      );
    fc.assert(
      fc.property(miniCase, ({ pageCount, keepLast, paper, duplex }) => {
        const plan = planImposition(pages(pageCount), { layout: 'mini', paper, duplex, keepLast });
        const slots = slotsOf(plan);
        const byPosition = [...slots].sort((a, b) => a.position - b.position);
        const blanks = 8 - pageCount;
        expect(byPosition.map((slot) => slot.page)).toEqual([
          ...Array.from({ length: pageCount - keepLast }, (_, i) => i),
          ...Array.from({ length: blanks }, () => null),
          ...Array.from({ length: keepLast }, (_, i) => pageCount - keepLast + i),
        ]);
        for (const slot of slots) {
          const top = slot.cell.y > 0;
          expect(slot.turn).toBe(top ? 180 : 0);
          expect(slot.cell.width).toBe(plan.sheet.width / 4);
          expect(slot.cell.height).toBe(plan.sheet.height / 2);
        }
      }),
    );
  });

  it('folds into openings read in the binding script\'s order', () => {
    fc.assert(
      fc.property(options.paper, fc.constantFrom('left' as const, 'right' as const), (paper, binding) => {
        const openings = foldedMini(planImposition(pages(8), { layout: 'mini', paper, binding }));
        // The outside: the front cover away from the spine, the back cover beside it.
        expect(openings).toContainEqual(binding === 'left' ? { left: 8, right: 1 } : { left: 1, right: 8 });
        const inside = openings.filter(({ left, right }) => left !== 1 && right !== 1);
        const read = inside.map(({ left, right }) => (binding === 'left' ? [left, right] : [right, left]));
        expect(read.sort((a, b) => (a[0] as number) - (b[0] as number))).toEqual([
          [2, 3],
          [4, 5],
          [6, 7],
        ]);
      }),
    );
  });

  it('refuses every count above 8 with the count in the message', () => {
    fc.assert(
      fc.property(fc.integer({ min: 9, max: 200 }), options.paper, (pageCount, paper) => {
        expect(() => planImposition(pages(pageCount), { layout: 'mini', paper })).toThrow(`${pageCount} pages`);
      }),
    );
  });
});
