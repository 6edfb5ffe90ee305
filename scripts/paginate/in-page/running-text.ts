/**
 * How much room the running text takes, and its shape: what the mini zine's
 * size search predicts another type size from (formats/mini-predict.ts).
 * A paragraph's full lines hold fewer letters at a larger size, its last line
 * stays one line, and an image keeps its size: so each page is measured as
 * its layout ends (page-measures.ts) for its lines, its blocks' ends and its
 * images, along with the room left at its foot (page-fill.ts footGap). Only
 * in the mini zine's layouts (`runningText` of paginate): no other reads it.
 */
import type { LayoutReport } from '../layout-report.ts';
import { PT_PER_PX } from './text-blocks.ts';

/** One page's running text: its lines, the blocks that end on it, and its images' height in CSS pixels. */
export interface RunningShape {
  lines: number;
  ends: number;
  images: number;
}

/** Blocks whose last line ends a line early: each one's last line holds what is left of it. */
const ENDING = 'p, li, h1, h2, h3, h4, h5, h6, dt, dd, figcaption, pre, td, th';

/** A block's lines on its page: its height over its line height. */
function linesOf(block: Element): number {
  const style = getComputedStyle(block);
  const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
  const { height } = block.getBoundingClientRect();
  return lineHeight > 0 && height > 0 ? Math.max(1, Math.round(height / lineHeight)) : 0;
}

export function runningShape(page: Element): RunningShape {
  const essay = page.querySelector('.pagedjs_page_content main.essay');
  if (!essay) return { lines: 0, ends: 0, images: 0 };
  // The innermost blocks (a list item's paragraphs, not the item as well).
  const blocks = [...essay.querySelectorAll(ENDING)].filter((block) => block.querySelector(ENDING) === null);
  let lines = 0;
  let ends = 0;
  for (const block of blocks) {
    // A block with an image is counted as one line: the image's room is counted apart.
    const count = block.querySelector('img') === null ? linesOf(block) : 1;
    lines += count;
    // A block split onto the next page (data-split-to) ends there, not here.
    if (count > 0 && !block.hasAttribute('data-split-to')) ends += 1;
  }
  let images = 0;
  for (const image of essay.querySelectorAll('img')) images += image.getBoundingClientRect().height;
  return { lines, ends, images };
}

/** What the report says of the running text (LayoutReport's `runningText`), from every page's measures. */
export function runningText(measured: readonly { footGap: number | undefined; running?: RunningShape | undefined; textBlock: { top: number; bottom: number } }[]): NonNullable<LayoutReport['runningText']> {
  const taken = { pages: 0, fill: 0, images: 0, lines: 0, ends: 0 };
  for (const { footGap, running = { lines: 0, ends: 0, images: 0 }, textBlock } of measured) {
    const room = (textBlock.bottom - textBlock.top) / PT_PER_PX;
    if (footGap === undefined || room <= 0) continue;
    taken.pages += 1;
    taken.fill += Math.min(1, Math.max(0, 1 - footGap / room));
    taken.images += Math.min(1, running.images / room);
    taken.lines += running.lines;
    taken.ends += running.ends;
  }
  return taken;
}
