import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Size } from '../../scripts/impose/geometry.ts';
import { sheetSize } from '../../scripts/impose/paper.ts';
import { allSides, planImposition } from '../../scripts/impose/plan.ts';
import type { Plan, Side, Slot } from '../../scripts/impose/plan.ts';
import { asTurnedLikeABook, foldAndOpen, readingOrder } from './fold.ts';

const HALF_LETTER: Size = { width: 396, height: 612 };
const pages = (count: number, size: Size = HALF_LETTER): Size[] => Array.from({ length: count }, () => size);

/** Positions on each side, left to right, with the turn when not upright: [[8, 1], [2, 7]]. */
function layout(plan: Plan): (number | string)[][] {
  return allSides(plan).map((side) =>
    side.slots.map((slot) => (slot.turn === 0 ? slot.position : `${slot.position}↻${slot.turn}`)),
  );
}

describe('booklet plan', () => {
  it('lays out 8 pages as pdfjam does, flipping on the short edge by default', () => {
    const plan = planImposition(pages(8), { layout: 'booklet' });
    expect(layout(plan)).toEqual([
      [8, 1],
      [2, 7],
      [6, 3],
      [4, 5],
    ]);
  });

  it('mirrors every side when bound on the right: the front cover on the outer sheet\'s left half', () => {
    expect(layout(planImposition(pages(8), { layout: 'booklet', binding: 'right' }))).toEqual([
      [1, 8],
      [7, 2],
      [3, 6],
      [5, 4],
    ]);
    expect(layout(planImposition(pages(8), { layout: 'booklet', binding: 'right', duplex: 'long' }))).toEqual([
      [1, 8],
      ['2↻180', '7↻180'],
      [3, 6],
      ['4↻180', '5↻180'],
    ]);
  });

  it('turns every back side 180° for long-edge duplex', () => {
    const plan = planImposition(pages(8), { layout: 'booklet', duplex: 'long' });
    expect(layout(plan)).toEqual([
      [8, 1],
      ['7↻180', '2↻180'],
      [6, 3],
      ['5↻180', '4↻180'],
    ]);
  });

  it('pads to a multiple of 4 with blanks at the end', () => {
    const plan = planImposition(pages(5), { layout: 'booklet' });
    expect(plan.paddedCount).toBe(8);
    expect(plan.sheets).toHaveLength(2);
    const pageAt = (position: number) =>
      allSides(plan).flatMap((side) => side.slots).find((slot) => slot.position === position)?.page;
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(pageAt)).toEqual([0, 1, 2, 3, 4, null, null, null]);
  });

  it('keeps the back cover on the outside with keepLast', () => {
    // 6 pages, the last is the back cover: it must be position 8, on sheet 0's front, left.
    const plan = planImposition(pages(6), { layout: 'booklet', keepLast: 1 });
    const [outerLeft, outerRight] = plan.sheets[0]?.sides[0]?.slots ?? [];
    expect(outerLeft?.page).toBe(5);
    expect(outerRight?.page).toBe(0);
  });

  it('needs one sheet per 4 pages', () => {
    for (const [count, sheets] of [[1, 1], [4, 1], [5, 2], [120, 30], [200, 50]] as const) {
      expect(planImposition(pages(count), { layout: 'booklet' }).sheets).toHaveLength(sheets);
    }
  });

  it('fills each half of a letter sheet with a half-letter page', () => {
    const plan = planImposition(pages(4), { layout: 'booklet' });
    expect(plan.sheet).toEqual({ width: 792, height: 612 });
    const [left, right] = plan.sheets[0]?.sides[0]?.slots ?? [];
    expect(left).toMatchObject({ scale: 1, box: { x: 0, y: 0, width: 396, height: 612 } });
    expect(right).toMatchObject({ scale: 1, box: { x: 396, y: 0, width: 396, height: 612 } });
  });

  it('scales a letter page down to fit its half and centres it', () => {
    const plan = planImposition(pages(4, { width: 612, height: 792 }), { layout: 'booklet' });
    const right = plan.sheets[0]?.sides[0]?.slots[1];
    const scale = 396 / 612;
    expect(right?.scale).toBeCloseTo(scale, 9);
    expect(right?.box.x).toBeCloseTo(396, 9);
    expect(right?.box.width).toBeCloseTo(396, 9);
    expect(right?.box.height).toBeCloseTo(792 * scale, 9);
    expect(right?.box.y).toBeCloseTo((612 - 792 * scale) / 2, 9);
  });

  it('uses a landscape A4 sheet with --paper a4, where an A5 page fills a half', () => {
    const plan = planImposition(pages(4, { width: 420.945, height: 595.276 }), { layout: 'booklet', paper: 'a4' });
    expect(plan.sheet).toEqual({ width: 842, height: 595 });
    const left = plan.sheets[0]?.sides[0]?.slots[0];
    expect(left?.cell).toEqual({ x: 0, y: 0, width: 421, height: 595 });
    expect(left?.scale).toBeCloseTo(1, 3);
  });
});

const bookletCase = fc
  .integer({ min: 1, max: 200 })
  .chain((pageCount) =>
    fc.record({
      pageCount: fc.constant(pageCount),
      keepLast: fc.integer({ min: 0, max: pageCount }),
      paper: fc.constantFrom('letter' as const, 'a4' as const),
      duplex: fc.constantFrom('short' as const, 'long' as const),
      binding: fc.constantFrom('left' as const, 'right' as const),
      size: fc.record({ width: fc.integer({ min: 100, max: 2000 }), height: fc.integer({ min: 100, max: 2000 }) }),
    }),
  );

describe('booklet plan, for every page count 1..200 and every option', () => {
  it('places every source page exactly once, and blanks only before the kept pages', () => {
    fc.assert(
      fc.property(bookletCase, ({ pageCount, keepLast, paper, duplex, binding, size }) => {
        const plan = planImposition(pages(pageCount, size), { layout: 'booklet', paper, duplex, binding, keepLast });
        const slots = allSides(plan).flatMap((side) => side.slots);
        const byPosition = [...slots].sort((a, b) => a.position - b.position);

        expect(plan.paddedCount % 4).toBe(0);
        expect(plan.paddedCount - pageCount).toBeLessThan(4);
        expect(byPosition.map((slot) => slot.position)).toEqual(
          Array.from({ length: plan.paddedCount }, (_, i) => i + 1),
        );
        const blanks = plan.paddedCount - pageCount;
        const expected = [
          ...Array.from({ length: pageCount - keepLast }, (_, i) => i),
          ...Array.from({ length: blanks }, () => null),
          ...Array.from({ length: keepLast }, (_, i) => pageCount - keepLast + i),
        ];
        expect(byPosition.map((slot) => slot.page)).toEqual(expected);
      }),
    );
  });

  it('pairs the two sides as a folded sheet does, and reads 1..N when the sheets are nested', () => {
    fc.assert(
      fc.property(bookletCase, ({ pageCount, keepLast, paper, duplex, binding }) => {
        const plan = planImposition(pages(pageCount), { layout: 'booklet', paper, duplex, binding, keepLast });
        const sheet = sheetSize(paper);
        // The half that turns first: the right one when the spine is on the left.
        const [first, other] = binding === 'left' ? [sheet.width / 2, 0] : [0, sheet.width / 2];
        const reading: number[] = [];
        const closing: number[] = [];
        for (const { sides } of plan.sheets) {
          expect(sides.map((side) => side.name)).toEqual(['front', 'back']);
          const [front, back] = sides.map((side) => asTurnedLikeABook(side, duplex, sheet)) as [Slot[], Slot[]];
          // Seen as a reader sees them, every page is upright.
          expect([...front, ...back].map((slot) => slot.turn)).toEqual([0, 0, 0, 0]);
          const at = (slots: Slot[], x: number) => slots.find((slot) => slot.cell.x === x) as Slot;
          // Turned like a book page, the front's right half is behind the back's left.
          const leaves = [
            [at(front, first), at(back, other)],
            [at(back, first), at(front, other)],
          ];
          for (const [recto, verso] of leaves as [Slot, Slot][]) {
            expect(recto.position % 2).toBe(1);
            expect(verso.position).toBe(recto.position + 1);
          }
          reading.push(at(front, first).position, at(back, other).position);
          closing.unshift(at(back, first).position, at(front, other).position);
        }
        expect([...reading, ...closing]).toEqual(Array.from({ length: plan.paddedCount }, (_, i) => i + 1));
      }),
    );
  });

  it('folded, reads 1..N in the binding script\'s order: right to left when bound on the right', () => {
    fc.assert(
      fc.property(bookletCase, ({ pageCount, keepLast, paper, duplex, binding }) => {
        const plan = planImposition(pages(pageCount), { layout: 'booklet', paper, duplex, binding, keepLast });
        const sheet = sheetSize(paper);
        const sides = plan.sheets.map(
          ({ sides: [front, back] }) =>
            [asTurnedLikeABook(front as Side, duplex, sheet), asTurnedLikeABook(back as Side, duplex, sheet)] as const,
        );
        const openings = foldAndOpen(sides, sheet.width, binding);
        const all = Array.from({ length: plan.paddedCount }, (_, i) => i + 1);
        expect(readingOrder(openings, binding)).toEqual(all);
        // The front cover alone on the side away from the spine; inside, the lower page on the spine's side.
        expect(openings[0]).toEqual(binding === 'left' ? { right: 1 } : { left: 1 });
        for (const { left, right } of openings.slice(1, -1)) {
          expect(binding === 'left' ? (left as number) < (right as number) : (right as number) < (left as number)).toBe(true);
        }
      }),
    );
  });

  it('puts every page inside its half-sheet, centred, as large as fits', () => {
    fc.assert(
      fc.property(bookletCase, ({ pageCount, keepLast, paper, duplex, binding, size }) => {
        const plan = planImposition(pages(pageCount, size), { layout: 'booklet', paper, duplex, binding, keepLast });
        for (const slot of allSides(plan).flatMap((side) => side.slots)) {
          const { cell, box } = slot;
          expect(cell.width).toBe(plan.sheet.width / 2);
          expect(cell.height).toBe(plan.sheet.height);
          expect(box.x - cell.x).toBeCloseTo(cell.x + cell.width - (box.x + box.width), 6);
          expect(box.y - cell.y).toBeCloseTo(cell.y + cell.height - (box.y + box.height), 6);
          expect(box.x).toBeGreaterThanOrEqual(cell.x - 1e-6);
          expect(box.y).toBeGreaterThanOrEqual(cell.y - 1e-6);
          const touchesSides = Math.abs(box.width - cell.width) < 1e-6 || Math.abs(box.height - cell.height) < 1e-6;
          expect(touchesSides).toBe(true);
          if (slot.page !== null) expect(box.width).toBeCloseTo(size.width * slot.scale, 6);
        }
      }),
    );
  });
});
