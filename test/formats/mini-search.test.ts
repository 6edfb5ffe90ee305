/**
 * The mini zine's size search on the critical path of a build: the next size
 * is laid out as soon as a layout shows whether the last one fits, while that
 * one is still printing. The layouts and the print are stand-ins here, timed
 * by the test; the search, the gate and the imposition are the build's.
 */
import { describe, expect, it, vi } from 'vitest';
import type { DocumentContext } from '../../scripts/formats/context.ts';
import type { Layout, LayOutOptions } from '../../scripts/formats/lay-out.ts';
import { makeMini } from '../../scripts/formats/mini.ts';
import { numberedPdf } from '../../scripts/impose/sample.ts';
import type { LayoutReport } from '../../scripts/paginate/layout-report.ts';
import { trimSize } from '../../scripts/paginate/document.ts';
import { createLimiter } from '../../scripts/util/concurrency.ts';

const seen = vi.hoisted(() => ({ steps: [] as string[], laidOut: new Set<number>() }));

vi.mock('../../scripts/formats/lay-out.ts', async (original) => {
  const module = await original<typeof import('../../scripts/formats/lay-out.ts')>();
  return {
    ...module,
    // A layout of 16 pages at 7.5 pt and below, 20 above: all of it set, once.
    layOut: <T>(context: DocumentContext, options: LayOutOptions, use: (layout: Layout) => Promise<T>) =>
      context.limit(async () => {
        const size = options.fontSize ?? 0;
        seen.steps.push(`layout ${size}`);
        seen.laidOut.add(size);
        const report = { pageCount: size <= 7.5 ? 16 : 20, printedLetters: 100, sourceLetters: 100, clippedNotes: [], notesAway: [], insets: [] };
        return use({ page: undefined, report: report as unknown as LayoutReport, html: '', trim: 'mini', edition: 'standard' } as unknown as Layout);
      }, options.priority),
    // Printing lasts until the next size is laid out (or half a second, if it never is).
    printWithPictures: async () => {
      seen.steps.push('print');
      for (let waited = 0; waited < 500 && !seen.laidOut.has(8); waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      seen.steps.push('printed');
      return { pdf: Promise.resolve(await numberedPdf(16, trimSize('mini', 'letter'))), pictures: undefined, readBack: Promise.resolve() };
    },
  };
});

/** 10,000 letters: too many for 8 pages at any size, 7.5 pt the likeliest for 16; two cores. */
function longDocument(): DocumentContext {
  seen.steps.length = 0;
  seen.laidOut.clear();
  return {
    name: 'long',
    source: 'long.md',
    markdown: { html: `<p>${'x'.repeat(10_000)}</p>` },
    document: { paper: 'letter', binding: 'left' },
    reporter: { warn: () => undefined },
    limit: createLimiter(2),
  } as unknown as DocumentContext;
}

describe('the mini zine size search', () => {
  it('lays the next size out while the last one prints, and still picks the largest that fits', async () => {
    const context = longDocument();
    const mini = await makeMini(context);
    expect([mini.fontSize, mini.pages]).toEqual([7.5, 16]);
    expect(seen.steps).toEqual(['layout 7.5', 'print', 'layout 8', 'printed']);
  });

  it('goes ahead of the layouts of other formats asked for at the same time, each size of it', async () => {
    const context = longDocument();
    const other = (name: string) =>
      context.limit(async () => {
        seen.steps.push(name);
        await new Promise((resolve) => setTimeout(resolve, 50));
      });
    // The reading edition and the card asked for first, in the same turn, as makeFormats asks.
    const others = [other('reading'), other('card')];
    const mini = await makeMini(context);
    await Promise.all(others);
    expect(mini.fontSize).toBe(7.5);
    const at = (step: string) => seen.steps.indexOf(step);
    // The 7.5 pt layout starts first, the reading edition beside it.
    expect(at('layout 7.5')).toBe(0);
    expect(at('reading')).toBeLessThan(at('layout 8'));
    // The 8 pt layout takes the reading's core as it ends, before the card waiting since the start.
    expect(at('layout 8')).toBeLessThan(at('card'));
  });
});
