/**
 * Which imposed sides the gallery may show as its pages' thumbnails laid
 * side by side: those where each page falls, upright or turned a half-turn and
 * unscaled, on whole pixels; any other side is drawn from its PDF.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CARD_WIDTH, MINI_PAGE_WIDTH, MINI_WIDTH, PAGE_WIDTH, SHEET_WIDTH, SLIPS_WIDTH } from '../../scripts/gallery/document.ts';
import { markInPixels, sidePlacements } from '../../scripts/gallery/sheets.ts';
import { TICK_INSET, TICK_LENGTH } from '../../scripts/impose/marks.ts';
import { planImposition } from '../../scripts/impose/plan.ts';
import { HALF_LETTER } from '../../scripts/impose/sample.ts';
import { trimSize } from '../../scripts/paginate/document.ts';

/** The thumbnail sizes of `count` pages of a size, drawn `width` pixels wide, as pdf.js sizes its canvas. */
function thumbnails(count: number, size = HALF_LETTER, width = PAGE_WIDTH) {
  const scale = width / size.width;
  return Array.from({ length: count }, () => ({ width: Math.round(size.width * scale), height: Math.round(size.height * scale) }));
}

describe('sidePlacements', () => {
  it('puts every page of a half-letter booklet on letter once, at the left or right half of its side', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.constantFrom<'left' | 'right'>('left', 'right'), (count, binding) => {
        const plan = planImposition(Array.from({ length: count }, () => HALF_LETTER), { layout: 'booklet', binding });
        const sides = sidePlacements(plan, thumbnails(count), SHEET_WIDTH);
        expect(sides).toHaveLength(plan.sheets.length * 2);
        const placed = (sides ?? []).flat();
        expect(placed.map(({ page }) => page).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i));
        for (const { x, y } of placed) {
          expect([0, PAGE_WIDTH]).toContain(x);
          expect(y).toBe(0);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a booklet with office paper\'s creep (under half a pixel) on its pages\' thumbnails, each at its nearest pixel', () => {
    const creep = 0.4 * (72 / 25.4); // 0.4 mm, the build's default for 28 sheets
    const plan = planImposition(Array.from({ length: 112 }, () => HALF_LETTER), { layout: 'booklet', signature: 4, creep });
    const sides = sidePlacements(plan, thumbnails(112), SHEET_WIDTH);
    expect(sides).toHaveLength(plan.sheets.length * 2);
    for (const { x, y } of (sides ?? []).flat()) {
      expect([0, PAGE_WIDTH]).toContain(x);
      expect(y).toBe(0);
    }
    // A creep of a pixel or more is drawn from the PDF.
    const wide = planImposition(Array.from({ length: 112 }, () => HALF_LETTER), { layout: 'booklet', signature: 4, creep: 8 });
    expect(sidePlacements(wide, thumbnails(112), SHEET_WIDTH)).toBeUndefined();
  });

  it('places a page turned a half-turn (a long-edge back side) turned, in its own place', () => {
    const turned = planImposition(Array.from({ length: 8 }, () => HALF_LETTER), { layout: 'booklet', duplex: 'long' });
    const sides = sidePlacements(turned, thumbnails(8), SHEET_WIDTH) ?? [];
    expect(sides.map((side) => side.map(({ turn }) => turn))).toEqual([[0, 0], [180, 180], [0, 0], [180, 180]]);
    expect(sides.flat().map(({ x }) => x).sort((a, b) => a - b)).toEqual([0, 0, 0, 0, PAGE_WIDTH, PAGE_WIDTH, PAGE_WIDTH, PAGE_WIDTH]);
  });

  it("puts a letter mini zine's pages on its side, the top row turned, each 77 by 119 px on a 308 px side", () => {
    const mini = trimSize('mini', 'letter');
    const plan = planImposition(Array.from({ length: 8 }, () => mini), { layout: 'mini' });
    const [side = []] = sidePlacements(plan, thumbnails(8, mini, MINI_PAGE_WIDTH), MINI_WIDTH) ?? [];
    expect(side.map(({ page }) => page).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(side.filter(({ y }) => y === 0).map(({ turn }) => turn)).toEqual([180, 180, 180, 180]);
    expect(side.filter(({ y }) => y === 119).map(({ turn }) => turn)).toEqual([0, 0, 0, 0]);
    expect(side.map(({ x }) => x).sort((a, b) => a - b)).toEqual([0, 0, 77, 77, 154, 154, 231, 231]);
    // The 16-page zine's two sides likewise.
    const sixteen = planImposition(Array.from({ length: 16 }, () => mini), { layout: 'mini16', duplex: 'long' });
    const both = sidePlacements(sixteen, thumbnails(16, mini, MINI_PAGE_WIDTH), MINI_WIDTH) ?? [];
    expect(both.flat()).toHaveLength(16);
    expect(both[1]?.every(({ turn }) => turn === 180)).toBe(true);
  });

  it('gives nothing for a side with scaled pages', () => {
    const large = { width: 500, height: 800 };
    const scaled = planImposition(Array.from({ length: 8 }, () => large), { layout: 'booklet' });
    expect(sidePlacements(scaled, thumbnails(8, large), SHEET_WIDTH)).toBeUndefined();
  });

  it('puts the card four times on each side of letter slips, at the corners of a 306 px side: fronts, then backs', () => {
    const card = trimSize('card', 'letter');
    const plan = planImposition([card, card], { layout: 'slips', paper: 'letter' });
    const pictures = thumbnails(2, card, CARD_WIDTH);
    expect(pictures[0]).toEqual({ width: 153, height: 198 });
    const corners = (page: number) => [
      { page, x: 0, y: 0, turn: 0 },
      { page, x: 153, y: 0, turn: 0 },
      { page, x: 0, y: 198, turn: 0 },
      { page, x: 153, y: 198, turn: 0 },
    ];
    expect(sidePlacements(plan, pictures, SLIPS_WIDTH)).toEqual([corners(0), corners(1)]);
  });

  it('gives nothing for A6 cards on A4, which do not fall on whole pixels', () => {
    const card = trimSize('card', 'a4');
    const plan = planImposition([card, card], { layout: 'slips', paper: 'a4' });
    expect(sidePlacements(plan, thumbnails(2, card, CARD_WIDTH), SLIPS_WIDTH)).toBeUndefined();
  });

  it('gives nothing when the thumbnails were drawn at another width than the side’s pages', () => {
    const plan = planImposition(Array.from({ length: 4 }, () => HALF_LETTER), { layout: 'booklet' });
    expect(sidePlacements(plan, thumbnails(4), SHEET_WIDTH + 10)).toBeUndefined();
  });
});

describe('markInPixels', () => {
  it('puts a booklet’s spine ticks at the middle of the side thumbnail, from the top and bottom edges, a pixel wide', () => {
    const plan = planImposition(Array.from({ length: 8 }, () => HALF_LETTER), { layout: 'booklet' });
    const scale = SHEET_WIDTH / plan.sheet.width;
    const [front, back] = plan.sheets[0]?.sides ?? [];
    const lines = (front?.marks ?? []).map((line) => markInPixels(line, plan.sheet.height, scale));
    expect(lines).toHaveLength(2);
    for (const { from, to, width } of lines) {
      expect([from.x, to.x]).toEqual([SHEET_WIDTH / 2, SHEET_WIDTH / 2]);
      // 0.5 pt at 300 px for 792 pt is a fifth of a pixel: stroked a whole pixel wide.
      expect(width).toBe(1);
    }
    const ends = lines.flatMap(({ from, to }) => [from.y, to.y]).sort((a, b) => a - b);
    const height = plan.sheet.height * scale;
    const near = TICK_INSET * scale;
    const far = (TICK_INSET + TICK_LENGTH) * scale;
    [near, far, height - far, height - near].forEach((y, i) => expect(ends[i]).toBeCloseTo(y, 6));
    expect(back?.marks).toEqual([]);
  });
});
