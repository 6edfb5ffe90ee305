/**
 * The imposition plan: which source page goes where on which sheet, as plain
 * data. No PDF is touched here, so the fold logic can be tested on its own and
 * the later build can check where every page lands before anything is drawn.
 *
 *   plan → sheets → sides → slots
 *
 * A slot is one page-sized place on one side of a sheet. It holds a source page
 * or stays blank (padding), and says how the page is scaled, placed and turned.
 */
import { ContentError } from '../util/errors.ts';
import type { Rect, Size } from './geometry.ts';
import type { Line } from './marks.ts';
import type { Paper } from './paper.ts';
import { planBooklet } from './plan-booklet.ts';
import { planMini } from './plan-mini.ts';
import { planMini16 } from './plan-mini16.ts';
import { planSlips } from './plan-slips.ts';

export const LAYOUTS = ['booklet', 'mini', 'mini16', 'slips'] as const;
/** booklet: saddle stitch, 2 pages a side. mini: the 8-page one-sheet zine; mini16: 16 pages on both sides of one sheet. slips: a 2-page card, 4 to a sheet. */
export type Layout = (typeof LAYOUTS)[number];

export const DUPLEXES = ['short', 'long'] as const;
/** The sheet edge the printer flips on when it prints the second side. */
export type Duplex = (typeof DUPLEXES)[number];

export const BINDINGS = ['left', 'right'] as const;
/**
 * The edge the folded zine is bound on, seen from its front cover: left for
 * left-to-right scripts, right for right-to-left ones (Arabic, Hebrew, …),
 * whose readers turn the pages the other way.
 */
export type Binding = (typeof BINDINGS)[number];

/** How a page is turned on the sheet, in degrees counter-clockwise. */
export type Turn = 0 | 180;

/** What the caller chooses. Every field but `layout` may be left out. */
export interface ImposeOptions {
  /** How pages go onto sheets. Required: there is no sensible default. */
  layout: Layout;
  /** Sheet size. Default: 'letter' (792 × 612 pt landscape). */
  paper?: Paper | undefined;
  /** Booklet and mini16 (a mini sheet has one side). Default: 'short', no side turned. */
  duplex?: Duplex | undefined;
  /** Pages kept at the very end, with the padding blanks before them. Default: 0. */
  keepLast?: number | undefined;
  /** Booklet, mini and mini16: the spine's edge. Default: 'left'. */
  binding?: Binding | undefined;
  /** Booklet: sheets per signature, each run of 4 × this many pages folded as a booklet of its own. Default: one signature of every sheet. */
  signature?: number | undefined;
  /** Booklet: points the pages of each signature's innermost sheet move toward the spine, the outermost's 0. Default: 0. */
  creep?: number | undefined;
}

/** The options with every default filled in. */
export interface ResolvedOptions {
  layout: Layout;
  paper: Paper;
  duplex: Duplex;
  keepLast: number;
  binding: Binding;
  signature: number | undefined;
  creep: number;
}

/** The one place defaults are applied. */
export function resolveOptions(options: ImposeOptions): ResolvedOptions {
  const keepLast = options.keepLast ?? 0;
  if (!Number.isInteger(keepLast) || keepLast < 0) {
    throw new RangeError(`keepLast must be a whole number of pages, not ${keepLast}`);
  }
  const { signature, creep = 0 } = options;
  if (signature !== undefined && (!Number.isInteger(signature) || signature < 1)) {
    throw new RangeError(`signature must be a whole number of sheets of at least 1, not ${signature}`);
  }
  if (!Number.isFinite(creep) || creep < 0) throw new RangeError(`creep must be a length of 0 or more, not ${creep}`);
  if (options.layout !== 'booklet' && (signature !== undefined || creep > 0)) {
    throw new RangeError(`signature and creep fold a booklet's sheets; the ${options.layout} layout has none to fold`);
  }
  return {
    layout: options.layout,
    paper: options.paper ?? 'letter',
    duplex: options.duplex ?? 'short',
    keepLast,
    binding: options.binding ?? 'left',
    signature,
    creep,
  };
}

export interface Slot {
  /** 1-based place in the padded reading order: 1 is the front cover. */
  position: number;
  /** 0-based index of the source page, or null for a blank. */
  page: number | null;
  /** The part of the sheet this slot owns. */
  cell: Rect;
  /** How the page is turned inside its cell. */
  turn: Turn;
  /** Source points to sheet points (1 for a blank). */
  scale: number;
  /** The page's visible box on the sheet, centred in the cell (the cell itself for a blank). */
  box: Rect;
}

export interface Side {
  name: 'front' | 'back';
  /** Left to right, then top row before bottom row. */
  slots: Slot[];
  /** Fold ticks, fold lines and cut lines, drawn over the pages. */
  marks: Line[];
}

export interface Sheet {
  /** [front] for mini, [front, back] for booklet, mini16 and slips: one PDF page each. */
  sides: Side[];
  /** Booklet: the signature it is folded in (from 0) and its place there (0 the outermost sheet). */
  fold?: { signature: number; sheet: number } | undefined;
  /** Booklet: points its pages moved toward the spine (creep). */
  creep?: number | undefined;
}

export interface Plan {
  options: ResolvedOptions;
  /** Sheet size in points (landscape; portrait for slips): every output page has exactly this size. */
  sheet: Size;
  /** Source pages, in reading order. */
  pageCount: number;
  /** Source pages plus blanks: a multiple of 4 for booklet, 8 for mini, 16 for mini16, 2 for slips. */
  paddedCount: number;
  sheets: Sheet[];
}

/**
 * Plans the imposition of pages of the given visible sizes (in reading order;
 * their number is the page count) with the given options.
 */
export function planImposition(pageSizes: readonly Size[], options: ImposeOptions): Plan {
  const resolved = resolveOptions(options);
  if (pageSizes.length === 0) throw new ContentError('the PDF has no pages to impose');
  switch (resolved.layout) {
    case 'booklet':
      return planBooklet(pageSizes, resolved);
    case 'mini':
      return planMini(pageSizes, resolved);
    case 'mini16':
      return planMini16(pageSizes, resolved);
    case 'slips':
      return planSlips(pageSizes, resolved);
  }
}

/** Every side of the plan, in output page order. */
export function allSides(plan: Plan): Side[] {
  return plan.sheets.flatMap((sheet) => sheet.sides);
}
