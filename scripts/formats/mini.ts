import type { Plan } from '../impose/plan.ts';
import type { LayoutReport } from '../paginate/layout-report.ts';
import type { DocumentContext } from './context.ts';
import { FormatSkipped } from './context.ts';
import { ContentError } from '../util/errors.ts';
import { isWhole } from './checks.ts';
import { finished, layOut, printWithPictures } from './lay-out.ts';
import { nextMiniSize, planMini, textRoom } from './mini-estimate.ts';
import { cannotFit } from './mini-predict.ts';
import { sheetEdgeWarnings } from './preflight.ts';
import { placementsOf } from './sheet-edges.ts';
import { imposing } from './pdf-stages.ts';

/** Body sizes the mini zine may use, largest first; the last is the legible floor. */
export const MINI_FONT_SIZES: readonly number[] = [9, 8.5, 8, 7.5, 7];
/** The 8-page mini zine on one side of a sheet; past it, the 16-page zine on both sides. */
type MiniPages = 8 | 16;

/**
 * The mini zine's layouts go ahead of the other formats' (see layOut): its
 * size search lays the document out two or three times, one after another,
 * the longest chain of layouts in a build.
 */
const MINI_PRIORITY = 1;

/** What a layout at one size showed, as soon as it was laid out: whether all of it fits, and its report. */
interface Shown {
  fits: boolean;
  report: LayoutReport;
}

/**
 * Lays the document out at one size: whether all of it fits in `pages` pages,
 * known as soon as it is laid out (undefined when the layout failed), and its
 * outcome once it is printed, if it fits, and read back. Each size has an HTML
 * file of its own: the next size may be laid out while this one prints.
 */
function tryMini(context: DocumentContext, fontSize: number, pages: MiniPages) {
  let decide: (shown: Shown) => void = () => undefined;
  const decided = new Promise<Shown>((resolve) => {
    decide = resolve;
  });
  // The preflight measures how near the page edges the text comes: the sheet's edges are the cells' outer ones.
  // Its running text is measured for the next size's prediction (mini-predict.ts).
  const options = { trim: 'mini', htmlName: `.mini-${fontSize}.html`, fontSize, preflight: true, runningText: true, priority: MINI_PRIORITY } as const;
  const laidOut = layOut(context, options, async (layout) => {
    const fits = layout.report.pageCount <= pages && isWhole(layout.report);
    decide({ fits, report: layout.report });
    const printed = fits ? await printWithPictures(context, layout, context.miniPictureWidth) : undefined;
    return { pages: layout.report.pageCount, printed, pictures: printed?.pictures, insets: layout.report.insets };
  });
  // Finished and read back once the tab is closed, while the next layout has its turn.
  const outcome = settled(laidOut.then(async ({ printed, ...tried }) => ({ ...tried, pdf: printed === undefined ? undefined : await finished(printed) })));
  return { fits: Promise.race([decided, outcome.then(() => undefined)]), outcome };
}

/** A promise's outcome, as a value: it never rejects, so it can be heard later. */
function settled<T>(promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return promise.then((value) => ({ value }), (error: unknown) => ({ error }));
}

interface Chosen {
  pdf: Uint8Array;
  pictures: Uint8Array[] | undefined;
  fontSize: number;
  insets: LayoutReport['insets'];
  pages: MiniPages;
}

/**
 * The next size to lay out after one at `size` showed `shown`: a larger size
 * its layout shows cannot fit (mini-predict.ts) is known to fail, in `tried`,
 * without a layout of its own.
 */
function nextSize(tried: Map<number, boolean>, size: number, shown: Shown, pages: MiniPages): number | undefined {
  const known = new Map([...tried, [size, shown.fits]]);
  for (;;) {
    const next = nextMiniSize(MINI_FONT_SIZES, known);
    if (next === undefined || !shown.fits || !cannotFit(shown.report, size, next, pages)) return next;
    known.set(next, false);
    tried.set(next, false);
  }
}

/**
 * The largest size at which the document fits in `pages` pages, or why none
 * does. The next size is asked for as soon as a layout shows whether the last
 * one fits, while that one prints and is read back (its turn comes at the
 * next free core); the outcome of each is heard before the next one's.
 */
async function fitMini(context: DocumentContext, pages: MiniPages): Promise<Chosen | string> {
  const floor = MINI_FONT_SIZES.at(-1) as number;
  const plan = planMini({ room: textRoom(context.markdown.html), sizes: MINI_FONT_SIZES, sheets: pages / 8 });
  if (plan.sizes.length === 0) return `its text is about ${plan.fill.toFixed(1)} times what ${pages} pages hold at ${floor} pt`;
  const tried = new Map<number, boolean>();
  let chosen: Chosen | undefined;
  let needs = 0;
  let size = plan.sizes[0];
  let trying = size === undefined ? undefined : tryMini(context, size, pages);
  while (size !== undefined && trying !== undefined) {
    const shown = await trying.fits;
    const next = shown === undefined ? undefined : nextSize(tried, size, shown, pages);
    const following = next === undefined ? undefined : tryMini(context, next, pages);
    const outcome = await trying.outcome;
    if ('error' in outcome) {
      // Nothing may still write into the stage when this format ends.
      await following?.outcome;
      // The 16-page zine is only tried for a text too long for the 8-page one: a layout of it that fails its
      // checks (read-back.ts) makes no mini zine, and says why, where the 8-page one stops the build as before.
      const { error } = outcome;
      if (pages === 8 || !(error instanceof ContentError) || error instanceof FormatSkipped) throw error;
      const [first = '', ...more] = error.message.split('\n');
      return `its 16-page layout at ${size} pt is refused: ${first}${more.length > 0 ? ` (and ${more.length} more)` : ''}`;
    }
    const { pdf, pictures, insets, pages: laidOut } = outcome.value;
    tried.set(size, pdf !== undefined);
    if (pdf !== undefined) chosen = { pdf, pictures, fontSize: size, insets, pages };
    else if (size === floor) needs = laidOut;
    size = next;
    trying = following;
  }
  return chosen ?? (needs > pages ? `it needs ${needs} pages at ${floor} pt` : `it does not fit at ${floor} pt`);
}

/**
 * The one-sheet mini zine: the document laid out at the mini trim size
 * (2.75 × 4.25 in or 74 × 105 mm) at the largest type size that fits it in 8
 * pages, imposed on one side of one sheet (its rows the other way for a
 * right-to-left document); a text too long for 8 pages at the smallest size
 * gets 16, imposed on both sides (plan-mini16.ts). The size is estimated from
 * the text first (see mini-estimate.ts), so a text far too long costs no
 * layout and one that fits usually costs one or two. With the imposed sheet
 * come its pages, as laid out (`pagesPdf`), its plan, and pictures of its pages
 * when the context asks for them (for the gallery, which places them on the
 * sides rather than drawing the sheet again).
 */
export async function makeMini(
  context: DocumentContext,
): Promise<{ pdf: Uint8Array; fontSize: number; pages: number; pagesPdf: Uint8Array; plan: Plan; pictures: Uint8Array[] | undefined }> {
  const eight = await fitMini(context, 8);
  const chosen = typeof eight === 'string' ? await fitMini(context, 16) : eight;
  if (typeof chosen === 'string') {
    throw new FormatSkipped('mini', `${context.source}: too long for the mini zine: ${eight}, and for the 16-page zine ${chosen}`);
  }
  const { binding } = context.document;
  const layout = chosen.pages === 8 ? 'mini' : 'mini16';
  const imposed = await (await imposing()).imposePdfWithPlan({ pdf: chosen.pdf, layout, paper: context.document.paper, keepLast: 1, binding });
  for (const line of sheetEdgeWarnings({ source: context.source, file: 'mini.pdf', placements: placementsOf(imposed.plan), insets: chosen.insets })) context.reporter.warn(line);
  return { pdf: imposed.pdf, fontSize: chosen.fontSize, pages: chosen.pages, pagesPdf: chosen.pdf, plan: imposed.plan, pictures: chosen.pictures };
}
