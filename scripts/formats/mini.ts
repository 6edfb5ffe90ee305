import type { LayoutReport } from '../paginate/layout-report.ts';
import type { DocumentContext } from './context.ts';
import { FormatSkipped } from './context.ts';
import { isWhole } from './checks.ts';
import { layOut, print } from './lay-out.ts';
import { nextMiniSize, planMini, textRoom } from './mini-estimate.ts';
import { sheetEdgeWarnings } from './preflight.ts';
import { placementsOf } from './sheet-edges.ts';
import { imposing } from './pdf-stages.ts';

/** Body sizes the mini zine may use, largest first; the last is the legible floor. */
export const MINI_FONT_SIZES: readonly number[] = [9, 8.5, 8, 7.5, 7];
const MINI_PAGES = 8;

/**
 * Lays the document out at one size and returns its page count, and the PDF
 * when all of it fits in the mini zine's 8 pages.
 */
function tryMini(context: DocumentContext, fontSize: number) {
  // The preflight measures how near the page edges the text comes: the sheet's edges are the cells' outer ones.
  const options = { trim: 'mini', htmlName: '.mini.html', fontSize, preflight: true } as const;
  return layOut(context, options, async (layout) => {
    const fits = layout.report.pageCount <= MINI_PAGES && isWhole(layout.report);
    return { pages: layout.report.pageCount, pdf: fits ? await print(context, layout) : undefined, insets: layout.report.insets };
  });
}

/**
 * The one-sheet 8-page mini zine: the document laid out at the mini trim
 * size (2.75 × 4.25 in or 74 × 105 mm) at the largest type size that fits it
 * in 8 pages, then imposed on one sheet (its rows the other way for a
 * right-to-left document). The size is estimated from the text first (see
 * mini-estimate.ts), so a text far too long costs no layout and one that fits
 * usually costs one or two.
 */
export async function makeMini(context: DocumentContext): Promise<{ pdf: Uint8Array; fontSize: number }> {
  const floor = MINI_FONT_SIZES.at(-1) as number;
  const plan = planMini({ room: textRoom(context.markdown.html), sizes: MINI_FONT_SIZES });
  if (plan.sizes.length === 0) {
    const times = plan.fill.toFixed(1);
    throw new FormatSkipped('mini', `${context.source}: too long for the mini zine: its text is about ${times} times what ${MINI_PAGES} pages hold at ${floor} pt`);
  }
  const tried = new Map<number, boolean>();
  let chosen: { pdf: Uint8Array; fontSize: number; insets: LayoutReport['insets'] } | undefined;
  let pages = 0;
  for (let size = plan.sizes[0]; size !== undefined; size = nextMiniSize(MINI_FONT_SIZES, tried)) {
    const attempt = await tryMini(context, size);
    tried.set(size, attempt.pdf !== undefined);
    if (attempt.pdf !== undefined) chosen = { pdf: attempt.pdf, fontSize: size, insets: attempt.insets };
    else if (size === floor) pages = attempt.pages;
  }
  if (chosen === undefined) {
    const needs = pages > MINI_PAGES ? `it needs ${pages} pages` : 'it does not fit';
    throw new FormatSkipped('mini', `${context.source}: too long for the mini zine: ${needs} at ${floor} pt, and a mini zine has ${MINI_PAGES}`);
  }
  const { binding } = context.document;
  const imposed = await (await imposing()).imposePdfWithPlan({ pdf: chosen.pdf, layout: 'mini', paper: context.document.paper, keepLast: 1, binding });
  for (const line of sheetEdgeWarnings({ source: context.source, file: 'mini.pdf', placements: placementsOf(imposed.plan), insets: chosen.insets })) context.reporter.warn(line);
  const { pdf } = imposed;
  return { pdf, fontSize: chosen.fontSize };
}
