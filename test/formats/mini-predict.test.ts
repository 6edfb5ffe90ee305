/**
 * The mini zine's size search does not lay out a larger size that the last
 * layout shows cannot fit (formats/mini-predict.ts). The figures below are
 * the reports of real layouts (docs/mini-search.md): the essay at 7.5 pt
 * (16 pages; at 8 pt it needs 17) and the Japanese Declaration at 7.5 pt
 * (at 8 pt it fits 16 pages). That a build of the essay lays its mini zine
 * out once, at 7.5 pt, is checked in test/formats/formats.test.ts's build.
 */
import { describe, expect, it } from 'vitest';
import { cannotFit, predictedFill } from '../../scripts/formats/mini-predict.ts';

const essayAtSeven = { pageCount: 16, notesPages: 0, runningText: { pages: 12, fill: 11.16, images: 0, lines: 271, ends: 27 } };
const japaneseAtSeven = { pageCount: 16, notesPages: 1, runningText: { pages: 13, fill: 11.6, images: 0, lines: 380, ends: 40 } };

describe('a larger size the last layout shows cannot fit', () => {
  it('is predicted from the running text: lines taller, full lines holding fewer letters, last lines and images as they are', () => {
    // (271 - 27) full lines grow by 8/7.5, the 27 last lines stay; each line is 8/7.5 as tall.
    expect(predictedFill(essayAtSeven.runningText, 7.5, 8)).toBeCloseTo(11.16 * (8 / 7.5) * (244 * (8 / 7.5) + 27) / 271, 5);
    expect(predictedFill({ ...essayAtSeven.runningText, images: 2 }, 7.5, 8)).toBeCloseTo(2 + 9.16 * (8 / 7.5) * (244 * (8 / 7.5) + 27) / 271, 5);
  });

  it('is not laid out when predicted past the room by the margin, and is laid out otherwise', () => {
    // The essay: 4 pages without running text leave 12; 8 pt is predicted at 12.6 (it measures 12.5).
    expect(cannotFit(essayAtSeven, 7.5, 8, 16)).toBe(true);
    // The Japanese Declaration: 2 pages without running text leave 14; 8 pt is predicted at 12.9 (it fits).
    expect(cannotFit(japaneseAtSeven, 7.5, 8, 16)).toBe(false);
    // Nothing is known of a smaller size, or of a layout that did not measure its running text.
    expect(cannotFit(essayAtSeven, 7.5, 7, 16)).toBe(false);
    expect(cannotFit({ pageCount: 16, notesPages: 0 }, 7.5, 8, 16)).toBe(false);
  });
});
