/**
 * Where a page's content lands on the printed sheet: the imposition plan
 * turns and places each page, so which of a page's edges faces a sheet's
 * edge depends on the format. Checked as data, over every plan.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planImposition } from '../../scripts/impose/plan.ts';
import { nearSheetEdges, placementsOf, printedAlone, PRINTER_REACH } from '../../scripts/formats/sheet-edges.ts';
import { sheetEdgeWarnings } from '../../scripts/formats/preflight.ts';
import type { LayoutReport } from '../../scripts/paginate/layout-report.ts';

const HALF_LETTER = { width: 396, height: 612 };
const MINI = { width: 198, height: 306 };

/** Every page's content this far from each of its edges (points). */
const insets = (pages: number, sides: Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>): LayoutReport['insets'] =>
  Array.from({ length: pages }, (_, index) => ({ page: index + 1, sides: Object.fromEntries(Object.entries(sides).map(([side, gap]) => [side, { gap }])) }));

const binding = fc.constantFrom('left' as const, 'right' as const);

describe('nearSheetEdges', () => {
  it('finds nothing in a booklet whose pages keep half an inch all round', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), binding, fc.constantFrom('short' as const, 'long' as const), (pages, side, duplex) => {
        const plan = planImposition(Array(pages).fill(HALF_LETTER), { layout: 'booklet', binding: side, duplex });
        expect(nearSheetEdges(placementsOf(plan), insets(pages, { top: 36, right: 36, bottom: 36, left: 36 }))).toEqual([]);
      }),
    );
  });

  it('finds text at the head of a booklet page at the sheet’s top or bottom edge, as the page is turned', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), binding, fc.constantFrom('short' as const, 'long' as const), (pages, side, duplex) => {
        const plan = planImposition(Array(pages).fill(HALF_LETTER), { layout: 'booklet', binding: side, duplex });
        const found = nearSheetEdges(placementsOf(plan), insets(pages, { top: 5 }));
        expect(found.map(({ page }) => page).sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
        for (const near of found) {
          const placement = placementsOf(plan).find((one) => one.page === near.page);
          expect(near.edge).toBe(placement?.turn === 180 ? 'bottom' : 'top');
          expect(near.distance).toBe(5);
        }
      }),
    );
  });

  it('in the mini zine, finds the foot of every page at the sheet’s edge and the head of none (the heads meet at the middle fold)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), binding, (pages, side) => {
        const plan = planImposition(Array(pages).fill(MINI), { layout: 'mini', binding: side });
        const placements = placementsOf(plan);
        expect(nearSheetEdges(placements, insets(pages, { top: 0 }))).toEqual([]);
        const feet = nearSheetEdges(placements, insets(pages, { bottom: 0 }));
        expect(feet).toHaveLength(pages);
        for (const near of feet) expect(near.edge).toBe(placements.find((one) => one.page === near.page)?.turn === 180 ? 'top' : 'bottom');
      }),
    );
  });

  it('counts a scaled page’s inset at its printed size', () => {
    const plan = planImposition([HALF_LETTER], { layout: 'mini' });
    const [placement] = placementsOf(plan);
    expect(placement?.scale).toBeLessThan(1);
    const [near] = nearSheetEdges(placementsOf(plan), insets(1, { bottom: 20 }));
    expect(near?.distance).toBeCloseTo(20 * (placement?.scale ?? 0), 1);
    expect(near?.distance).toBeLessThan(PRINTER_REACH);
  });

  it('checks every edge of a page printed alone', () => {
    const found = nearSheetEdges(printedAlone(2, HALF_LETTER), insets(2, { top: 10, right: 10, bottom: 10, left: 30 }));
    expect(found.map(({ page, edge }) => `${page} ${edge}`)).toEqual(['1 top', '1 right', '1 bottom', '2 top', '2 right', '2 bottom']);
  });
});

describe('sheetEdgeWarnings', () => {
  it('names the block at its place once, at its nearest, with the file and side it prints on', () => {
    const plan = planImposition(Array(4).fill(HALF_LETTER), { layout: 'booklet' });
    const near: LayoutReport['insets'] = [{ page: 2, sides: { top: { gap: 9, source: '14:1' }, left: { gap: 4, source: '14:1' } } }];
    const lines = sheetEdgeWarnings({ source: 'zine.md', file: 'booklet.pdf', placements: placementsOf(plan), insets: near });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^zine\.md:14:1: photocopy: 0\.\d\d in from the \w+ edge of side 2 of booklet\.pdf; an office printer may not reach within 0\.25 in \(page 2\)$/);
  });
});
