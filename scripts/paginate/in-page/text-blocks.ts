import type { LayoutReport } from '../layout-report.ts';

export const PT_PER_PX = 72 / 96;
const round = (points: number) => Math.round(points * 100) / 100;

/**
 * A page's text block: the page box less the margins its @page rules give
 * it (left and right pages, the designed and notes pages), which is where
 * Paged.js sets the page's text and notes. In points from the page's top left
 * corner, as the read-back measures what the PDF draws (formats/read-back/images.ts).
 */
export function textBlockOf(page: Element): Omit<LayoutReport['textBlocks'][number], 'page'> {
  const origin = page.getBoundingClientRect();
  const area = page.querySelector('.pagedjs_area')?.getBoundingClientRect();
  const box = area ?? origin;
  return {
    left: round((box.left - origin.left) * PT_PER_PX),
    top: round((box.top - origin.top) * PT_PER_PX),
    right: round((box.right - origin.left) * PT_PER_PX),
    bottom: round((box.bottom - origin.top) * PT_PER_PX),
  };
}
