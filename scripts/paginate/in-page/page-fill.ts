/** A page of running text that ends short, and why. */
export interface ShortPage {
  page: number;
  /** Lines of body text that would still fit at its foot. */
  lines: number;
  reason: 'before a heading' | 'end of the text' | 'before a figure or table' | 'before a block kept whole' | 'a line kept with its note' | 'unexplained';
}

/** A line of a paragraph alone at the top or foot of a page. */
export interface LoneLine {
  page: number;
  where: 'top' | 'foot';
}

const BLOCKS = 'p, li, blockquote, pre, h1, h2, h3, h4, h5, h6, figure, table, img, hr';

/** The lines of `element` on its page: distinct tops of its text's boxes. */
function linesOf(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
  return tops.size;
}

/** Whether `block` is, or is in, a block set whole on one page (`break-inside: avoid`, as the slogans are). */
function keptWhole(block: Element): boolean {
  for (let at: Element | null = block; at && !at.matches('main, body'); at = at.parentElement) {
    if (getComputedStyle(at).breakInside === 'avoid') return true;
  }
  return false;
}

/**
 * Why a page may end short: what comes first on the next page, or a line
 * that went over with the note it calls (or to keep a paragraph's lines
 * together after it: `movedForNotes`).
 */
export function shortReason(next: Element | undefined, movedForNotes = false): ShortPage['reason'] {
  if (!next) return 'end of the text';
  if (/^H[1-6]$/.test(next.tagName)) return 'before a heading';
  if (next.matches('figure, table, img, pre') || next.querySelector('img, table') !== null) return 'before a figure or table';
  if (keptWhole(next)) return 'before a block kept whole';
  if (movedForNotes) return 'a line kept with its note';
  return 'unexplained';
}

/** Whole lines of `lineHeight` that fit in `gap`, with a pixel of slack for rounding. */
export function linesIn(gap: number, lineHeight: number): number {
  return lineHeight > 0 ? Math.floor((gap + 1) / lineHeight) : 0;
}

/** The first and last blocks of the running text on a page, when it has some. */
function runningBlocks(page: Element): { first: Element | undefined; last: Element | undefined } | undefined {
  const essay = page.querySelector('.pagedjs_page_content main.essay');
  if (!essay) return undefined;
  const blocks = [...essay.querySelectorAll(BLOCKS)].filter((block) => !block.closest('.running-title'));
  return { first: blocks[0], last: blocks.at(-1) };
}

/** Whether a page's running text begins or ends with a paragraph's line alone. */
export function loneEnds(page: Element): { top: boolean; foot: boolean } {
  const blocks = runningBlocks(page);
  const lone = (block: Element | undefined, split: string) => block !== undefined && block.hasAttribute(split) && block.matches('p, li') && linesOf(block) === 1;
  return { top: lone(blocks?.first, 'data-split-from'), foot: lone(blocks?.last, 'data-split-to') };
}

/** The room under the last line of a page's running text, in CSS pixels; undefined on a page without running text. */
export function footGap(page: Element): number | undefined {
  const essay = page.querySelector('.pagedjs_page_content main.essay');
  const content = page.querySelector('.pagedjs_page_content');
  if (!essay || !content) return undefined;
  const box = content.getBoundingClientRect();
  const range = document.createRange();
  range.selectNodeContents(essay);
  const bottoms = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.left < box.right - 1).map((rect) => rect.bottom);
  return box.bottom - Math.max(box.top, ...bottoms);
}

/** What `pageFill` needs of each page, measured as its layout ended (page-measures.ts). */
export interface FillMeasure {
  footGap: number | undefined;
  loneTop: boolean;
  loneFoot: boolean;
}

/**
 * How full the pages of running text (the essay) are: pages that end more
 * than 2 lines short, and lines of a paragraph left alone at a page's top or foot.
 */
export function pageFill(all: HTMLElement[], measures: readonly FillMeasure[]): { shortPages: ShortPage[]; loneLines: LoneLine[] } {
  const sample = document.querySelector('.pagedjs_pages main.essay p');
  const lineHeight = sample ? Number.parseFloat(getComputedStyle(sample).lineHeight) : 0;
  const shortPages: ShortPage[] = [];
  const loneLines: LoneLine[] = [];
  measures.forEach((measure, index) => {
    if (measure.footGap === undefined) return;
    const page = index + 1;
    if (measure.loneTop) loneLines.push({ page, where: 'top' });
    if (measure.loneFoot) loneLines.push({ page, where: 'foot' });
    const lines = linesIn(measure.footGap, lineHeight);
    if (lines <= 2) return;
    const next = all[index + 1];
    shortPages.push({ page, lines, reason: shortReason(next && runningBlocks(next)?.first, all[index]?.dataset.callMoved !== undefined) });
  });
  return { shortPages, loneLines };
}
