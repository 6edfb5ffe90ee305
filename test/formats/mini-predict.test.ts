/**
 * The mini zine's size search does not lay out a larger size that the last
 * layout shows cannot fit (formats/mini-predict.ts). The figures below are
 * the reports of real layouts (docs/mini-search.md): the essay at 7.5 pt
 * (16 pages; at 8 pt it needs 17) and the Japanese Declaration at 7.5 pt
 * (at 8 pt it fits 16 pages).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../scripts/build.ts';
import { cannotFit, predictedFill } from '../../scripts/formats/mini-predict.ts';

const laidOut = vi.hoisted(() => [] as string[]);

vi.mock('../../scripts/paginate/paginate.ts', async (original) => {
  const module = await original<typeof import('../../scripts/paginate/paginate.ts')>();
  return {
    ...module,
    paginate: async (options: Parameters<typeof module.paginate>[0]) => {
      const done = await module.paginate(options);
      laidOut.push(`${basename(options.htmlPath)} ${done.report.pageCount}`);
      return done;
    },
  };
});

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

  it('leaves the essay its mini zine at 7.5 pt on 16 pages, from one layout of it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-mini-predict-'));
    const rows = await build({ files: ['source/unifying-the-struggle.md'], out: join(dir, 'out'), progress: false, formats: ['mini'] });
    expect(rows.find((row) => row.format === 'mini')?.note).toBe('16 pages on both sides, type at 7.5 pt');
    expect(laidOut).toEqual(['.mini-7.5.html 16']);
  }, 120_000);
});
