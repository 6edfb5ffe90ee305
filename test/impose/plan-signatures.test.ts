import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Size } from '../../scripts/impose/geometry.ts';
import { sheetSize } from '../../scripts/impose/paper.ts';
import { allSides, planImposition } from '../../scripts/impose/plan.ts';
import type { Plan, Side, Slot } from '../../scripts/impose/plan.ts';
import { asTurnedLikeABook, foldAndOpen, readingOrder } from './fold.ts';

const HALF_LETTER: Size = { width: 396, height: 612 };
const pages = (count: number): Size[] => Array.from({ length: count }, () => HALF_LETTER);
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

/** The sheets of each signature, in order, as the plan tells them. */
function bySignature(plan: Plan): Plan['sheets'][] {
  const groups: Plan['sheets'][] = [];
  for (const sheet of plan.sheets) {
    const index = sheet.fold?.signature ?? 0;
    (groups[index] ??= []).push(sheet);
  }
  return groups;
}

/** Folds one signature's sheets and leafs through it: the positions in reading order. */
function readSignature(sheets: Plan['sheets'], plan: Plan): number[] {
  const { duplex, binding } = plan.options;
  const sides = sheets.map(({ sides: [front, back] }) => [asTurnedLikeABook(front as Side, duplex, plan.sheet), asTurnedLikeABook(back as Side, duplex, plan.sheet)] as const);
  return readingOrder(foldAndOpen(sides, plan.sheet.width, binding), binding);
}

describe('booklet in signatures', () => {
  it('refuses signatures and creep for a layout that folds no booklet', () => {
    expect(() => planImposition(pages(8), { layout: 'mini', signature: 2 })).toThrow(/signature and creep fold a booklet's sheets; the mini layout has none/);
    expect(() => planImposition(pages(2), { layout: 'slips', creep: 2 })).toThrow(/the slips layout has none/);
    expect(planImposition(pages(8), { layout: 'mini', creep: 0 }).sheets).toHaveLength(1);
  });

  it('folds 40 pages in signatures of 3 sheets as 12 + 12 + 12 + 4 pages, each read in order', () => {
    const plan = planImposition(pages(40), { layout: 'booklet', signature: 3 });
    const groups = bySignature(plan);
    expect(groups.map((sheets) => sheets.length)).toEqual([3, 3, 3, 1]);
    expect(groups.map((sheets) => readSignature(sheets, plan))).toEqual([range(1, 12), range(13, 12), range(25, 12), range(37, 4)]);
    // The first signature's outer sheet: the signature's last page and the front cover.
    expect(plan.sheets[0]?.sides[0]?.slots.map((slot) => slot.position)).toEqual([12, 1]);
    // The fourth signature opens with its own outer sheet: 40 and 37.
    expect(plan.sheets[9]?.sides[0]?.slots.map((slot) => slot.position)).toEqual([40, 37]);
  });

  it('puts the last signature\'s blanks at its end, or before the kept last pages', () => {
    const plan = planImposition(pages(22), { layout: 'booklet', signature: 2, keepLast: 2 });
    const slots = allSides(plan).flatMap((side) => side.slots).sort((a, b) => a.position - b.position);
    expect(slots.map((slot) => slot.page)).toEqual([...range(0, 20), null, null, 20, 21]);
    expect(bySignature(plan).map((sheets) => sheets.length)).toEqual([2, 2, 2]);
  });

  it('marks each signature\'s spine with a bar that steps down from one signature to the next', () => {
    const plan = planImposition(pages(48), { layout: 'booklet', signature: 4 });
    const bars = plan.sheets.map((sheet) => sheet.sides.flatMap((side) => side.marks.filter((line) => line.style === 'collation').map((line) => ({ side: side.name, line }))));
    // One bar a signature, on the outside (front) of its outer sheet.
    expect(bars.map((found) => found.length)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    const [a, b, c] = [bars[0], bars[4], bars[8]].map((found) => found?.[0]);
    for (const bar of [a, b, c]) {
      expect(bar?.side).toBe('front');
      expect(bar?.line.from.x).toBe(396);
      expect(bar?.line.to.x).toBe(396);
    }
    // Each bar begins where the one before ends.
    expect(b?.line.from.y).toBe(a?.line.to.y);
    expect(c?.line.from.y).toBe(b?.line.to.y);
    expect((a?.line.from.y ?? 0) - (a?.line.to.y ?? 0)).toBeGreaterThan(0);
  });

  it('has no collation bar when the booklet is one signature', () => {
    const plan = planImposition(pages(16), { layout: 'booklet', signature: 4 });
    expect(allSides(plan).flatMap((side) => side.marks).filter((line) => line.style === 'collation')).toEqual([]);
  });
});

describe('creep', () => {
  it('moves the pages of inner sheets toward the spine: innermost by the creep, outermost not at all, per signature', () => {
    const creep = 2.8346; // 1 mm
    const plan = planImposition(pages(40), { layout: 'booklet', signature: 3, creep });
    expect(plan.sheets.map((sheet) => sheet.creep)).toEqual([0, creep / 2, creep, 0, creep / 2, creep, 0, creep / 2, creep, 0]);
    for (const sheet of plan.sheets) {
      for (const slot of sheet.sides.flatMap((side) => side.slots)) {
        // A half-letter page fills its half: moved, its box leaves the cell by the offset, on the spine's side.
        const towardSpine = slot.cell.x < 396 ? slot.box.x - slot.cell.x : slot.cell.x - slot.box.x;
        expect(towardSpine).toBeCloseTo(sheet.creep ?? 0, 9);
      }
    }
  });
});

const signatureCase = fc
  .integer({ min: 1, max: 160 })
  .chain((pageCount) =>
    fc.record({
      pageCount: fc.constant(pageCount),
      keepLast: fc.integer({ min: 0, max: pageCount }),
      signature: fc.integer({ min: 1, max: 12 }),
      creep: fc.double({ min: 0, max: 20, noNaN: true }),
      duplex: fc.constantFrom('short' as const, 'long' as const),
      binding: fc.constantFrom('left' as const, 'right' as const),
      paper: fc.constantFrom('letter' as const, 'a4' as const),
    }),
  );

describe('booklet in signatures, for every page count 1..160, signature size and option', () => {
  it('places every page exactly once, blanks only before the kept pages, and each signature folds to its run of consecutive pages', () => {
    fc.assert(
      fc.property(signatureCase, ({ pageCount, keepLast, signature, creep, duplex, binding, paper }) => {
        const plan = planImposition(pages(pageCount), { layout: 'booklet', signature, creep, duplex, binding, paper, keepLast });
        const slots = allSides(plan).flatMap((side) => side.slots).sort((a, b) => a.position - b.position);
        const blanks = plan.paddedCount - pageCount;
        expect(slots.map((slot) => slot.page)).toEqual([
          ...range(0, pageCount - keepLast),
          ...Array.from({ length: blanks }, () => null),
          ...range(pageCount - keepLast, keepLast),
        ]);
        // Every signature but the last has `signature` sheets; the last takes what remains.
        const groups = bySignature(plan);
        const counts = groups.map((sheets) => sheets.length);
        expect(counts.slice(0, -1).every((count) => count === signature)).toBe(true);
        expect(counts.at(-1)).toBeLessThanOrEqual(signature);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(plan.paddedCount / 4);
        // Folded and leafed through, signature after signature, the positions read 1..N.
        let next = 1;
        for (const sheets of groups) {
          const read = readSignature(sheets, plan);
          expect(read).toEqual(range(next, sheets.length * 4));
          next += read.length;
        }
        expect(next - 1).toBe(plan.paddedCount);
      }),
    );
  });

  it('moves pages toward the spine by amounts that grow from the outside in, from 0 to the creep', () => {
    fc.assert(
      fc.property(signatureCase, ({ pageCount, keepLast, signature, creep, duplex, binding, paper }) => {
        const plan = planImposition(pages(pageCount), { layout: 'booklet', signature, creep, duplex, binding, paper, keepLast });
        const half = sheetSize(paper).width / 2;
        for (const sheets of bySignature(plan)) {
          const offsets = sheets.map((sheet) => sheet.creep ?? 0);
          expect(offsets[0]).toBe(0);
          if (sheets.length > 1) expect(offsets.at(-1)).toBeCloseTo(creep, 9);
          for (let k = 1; k < offsets.length; k++) expect(offsets[k]).toBeGreaterThanOrEqual(offsets[k - 1] as number);
          for (const sheet of sheets) {
            const unmoved = planImposition(pages(pageCount), { layout: 'booklet', signature, duplex, binding, paper, keepLast });
            const index = plan.sheets.indexOf(sheet);
            const before = unmoved.sheets[index]?.sides.flatMap((side) => side.slots) as Slot[];
            sheet.sides.flatMap((side) => side.slots).forEach((slot, i) => {
              const was = before[i] as Slot;
              const moved = slot.box.x - was.box.x;
              expect(Math.abs(moved)).toBeCloseTo(sheet.creep ?? 0, 9);
              // Toward the spine: rightward on the left half, leftward on the right.
              if (moved !== 0) expect(Math.sign(moved)).toBe(slot.cell.x < half ? 1 : -1);
              expect(slot.box.y).toBe(was.box.y);
            });
          }
        }
      }),
      { numRuns: 40 },
    );
  });
});
