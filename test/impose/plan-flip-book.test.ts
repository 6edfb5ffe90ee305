/**
 * The flip-book, checked with the paper model of fold.ts: the sheets folded
 * and leafed through from the front cover, then the booklet turned over and
 * leafed through from the back cover (top to bottom when the second text is
 * upside down, side to side when it is upright). Each text must read in its
 * order from its own cover, every page upright for its reader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Size } from '../../scripts/impose/geometry.ts';
import { allSides } from '../../scripts/impose/plan.ts';
import type { Binding, Plan, Side, Slot } from '../../scripts/impose/plan.ts';
import { flipBookOrder, planFlipBook } from '../../scripts/impose/plan-flip-book.ts';
import { asTurnedLikeABook, foldAndOpen, readingOrder, type Opening } from './fold.ts';

const HALF_LETTER: Size = { width: 396, height: 612 };
const pages = (count: number): Size[] => Array.from({ length: count }, () => HALF_LETTER);
const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
const other = (binding: Binding): Binding => (binding === 'left' ? 'right' : 'left');

interface Reader {
  /** The pages read from this text's cover, in order (blanks left out). */
  pages: number[];
  /** How each of them is turned as this reader sees it (0: upright). */
  turns: number[];
}

/** Folds the plan's sheets and reads them from the front cover (the first text) and from the back cover (the second). */
function readBothWays(plan: Plan, turned: boolean): { first: Reader; second: Reader } {
  const { duplex, binding } = plan.options;
  const sides = plan.sheets.map(({ sides: [front, back] }) => [asTurnedLikeABook(front as Side, duplex, plan.sheet), asTurnedLikeABook(back as Side, duplex, plan.sheet)] as const);
  const byPosition = new Map<number, Slot>(sides.flatMap(([front, back]) => [...front, ...back]).map((slot) => [slot.position, slot]));
  const openings = foldAndOpen(sides, plan.sheet.width, binding);
  // Turned over top to bottom, an opening's left page is on the right and every page upside down; side to side, the openings come in reverse, as they were.
  const fromBack: Opening[] = openings.toReversed().map(({ left, right }) => (turned ? { left: right, right: left } : { left, right }));
  const read = (positions: number[], extraTurn: number): Reader => {
    const slots = positions.map((position) => byPosition.get(position) as Slot).filter((slot) => slot.page !== null);
    return { pages: slots.map((slot) => slot.page as number), turns: slots.map((slot) => (slot.turn + extraTurn) % 360) };
  };
  return {
    first: read(readingOrder(openings, binding), 0),
    second: read(readingOrder(fromBack, turned ? binding : other(binding)), turned ? 180 : 0),
  };
}

describe('the flip-book plan', () => {
  it('puts the first text from the front, blanks in the middle, the second from the back', () => {
    expect(flipBookOrder(5, 3)).toEqual([0, 1, 2, 3, 4, null, null, null, null, 7, 6, 5]);
    expect(flipBookOrder(4, 4)).toEqual([0, 1, 2, 3, 7, 6, 5, 4]);
    expect(flipBookOrder(2, 1)).toEqual([0, 1, null, 2]);
  });

  it('prints 6 + 6 pages on 3 sheets: the outer sheet carries both covers, the second upside down', () => {
    const plan = planFlipBook(pages(6), pages(6));
    expect(plan.sheets).toHaveLength(3);
    const outer = plan.sheets[0]?.sides[0]?.slots.map((slot) => [slot.page, slot.turn]);
    // Left half: the back cover, the second text's cover (page 6 of the joined list), turned; right half: the front cover.
    expect(outer).toEqual([[6, 180], [0, 0]]);
  });

  const flipCase = fc.record({
    first: fc.integer({ min: 1, max: 60 }),
    second: fc.integer({ min: 1, max: 60 }),
    turned: fc.boolean(),
    duplex: fc.constantFrom('short' as const, 'long' as const),
    binding: fc.constantFrom('left' as const, 'right' as const),
    paper: fc.constantFrom('letter' as const, 'a4' as const),
    signature: fc.option(fc.integer({ min: 1, max: 8 }), { nil: undefined }),
  });

  it('prints every page once; no leaf carries both texts; the blanks lie between them; whole sheets', () => {
    fc.assert(
      fc.property(flipCase, ({ first, second, turned, duplex, binding, paper }) => {
        const plan = planFlipBook(pages(first), pages(second), { turnSecond: turned, duplex, binding, paper });
        expect(plan.paddedCount % 4).toBe(0);
        expect(plan.sheets).toHaveLength(plan.paddedCount / 4);
        const byPosition = allSides(plan).flatMap((side) => side.slots).sort((a, b) => a.position - b.position);
        expect(byPosition.map((slot) => slot.position)).toEqual(range(1, plan.paddedCount));
        const printed = byPosition.flatMap((slot) => (slot.page === null ? [] : [slot.page])).sort((a, b) => a - b);
        expect(printed).toEqual(range(0, first + second));
        const text = (slot: Slot | undefined) => (slot?.page == null ? 'blank' : slot.page < first ? 'first' : 'second');
        // A leaf is positions 2i−1 and 2i: front and back of one half-sheet.
        for (let p = 1; p < plan.paddedCount; p += 2) {
          expect([text(byPosition[p - 1]), text(byPosition[p])].sort().join(' ')).not.toBe('first second');
        }
        const texts = byPosition.map(text).filter((name, i, all) => name !== all[i - 1]);
        expect(texts).toEqual(plan.paddedCount === first + second ? ['first', 'second'] : ['first', 'blank', 'second']);
      }),
      { numRuns: 200 },
    );
  });

  it('folded, reads the first text from the front cover and the second from the back, each upright and in order', () => {
    fc.assert(
      fc.property(flipCase, ({ first, second, turned, duplex, binding, paper, signature }) => {
        const plan = planFlipBook(pages(first), pages(second), { turnSecond: turned, duplex, binding, paper });
        const read = readBothWays(plan, turned);
        expect(read.first.pages.slice(0, first)).toEqual(range(0, first));
        expect(read.first.turns.slice(0, first).every((turn) => turn === 0)).toBe(true);
        expect(read.second.pages.slice(0, second)).toEqual(range(first, second));
        expect(read.second.turns.slice(0, second).every((turn) => turn === 0)).toBe(true);
        // In signatures, every page is still printed once.
        const folded = planFlipBook(pages(first), pages(second), { turnSecond: turned, duplex, binding, paper, signature });
        expect(allSides(folded).flatMap((side) => side.slots).filter((slot) => slot.page !== null)).toHaveLength(first + second);
      }),
      { numRuns: 200 },
    );
  });
});
