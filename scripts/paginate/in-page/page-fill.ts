import { pages } from './pages.ts';

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

/**
 * How full the pages of running text (the essay) are: pages that end more
 * than 2 lines short, and lines of a paragraph left alone at a page's top or foot.
 */
export function pageFill(): { shortPages: ShortPage[]; loneLines: LoneLine[] } {
  const all = pages();
  const sample = document.querySelector('.pagedjs_pages main.essay p');
  const lineHeight = sample ? Number.parseFloat(getComputedStyle(sample).lineHeight) : 0;
  const running = all.map((page) => page.querySelector('.pagedjs_page_content main.essay'));
  const shortPages: ShortPage[] = [];
  const loneLines: LoneLine[] = [];
  const range = document.createRange();
  running.forEach((essay, index) => {
    if (!essay) return;
    const page = index + 1;
    const blocks = [...essay.querySelectorAll(BLOCKS)].filter((block) => !block.closest('.running-title'));
    const first = blocks[0];
    const last = blocks.at(-1);
    if (first?.hasAttribute('data-split-from') && first.matches('p, li') && linesOf(first) === 1) loneLines.push({ page, where: 'top' });
    if (last?.hasAttribute('data-split-to') && last.matches('p, li') && linesOf(last) === 1) loneLines.push({ page, where: 'foot' });
    // The last line's foot, against the foot of the text area.
    const content = all[index]?.querySelector('.pagedjs_page_content');
    if (!content) return;
    const box = content.getBoundingClientRect();
    range.selectNodeContents(essay);
    const bottoms = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.left < box.right - 1).map((rect) => rect.bottom);
    const lines = linesIn(box.bottom - Math.max(box.top, ...bottoms), lineHeight);
    if (lines <= 2) return;
    const nextEssay = running[index + 1];
    const next = nextEssay ? [...nextEssay.querySelectorAll(BLOCKS)].find((block) => !block.closest('.running-title')) : undefined;
    shortPages.push({ page, lines, reason: shortReason(next, all[index]?.dataset.callMoved !== undefined) });
  });
  return { shortPages, loneLines };
}
