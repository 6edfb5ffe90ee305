/**
 * What a reader would compare between two layouts of the same HTML, page by
 * page: the text, the notes, the running heads, the page's classes (its
 * side, its named page) and where its blocks and margin boxes are. Read from
 * the open tab after `paginate` (after its layout counts are read: the
 * places need a layout).
 */
import type { Page } from 'puppeteer-core';

export interface PageSummary {
  /** The text of the page's content area, notes left out. */
  text: string;
  /** The text of its note area. */
  notes: string;
  /** The text of its margin boxes (running heads, folios). */
  margins: string;
  /** Its classes, sorted. */
  classes: string[];
  /** The place and size of each block, note and margin box with text, in CSS pixels from the page's corner, rounded. */
  boxes: string;
}

export function summarizePages(page: Page): Promise<PageSummary[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.pagedjs_page')].map((element) => {
      const content = element.querySelector('.pagedjs_page_content')?.textContent ?? '';
      const notes = element.querySelector('.pagedjs_footnote_area')?.textContent ?? '';
      const margins = [...element.querySelectorAll('.pagedjs_margin')].map((box) => box.textContent ?? '').join('|');
      const corner = element.getBoundingClientRect();
      const blocks = element.querySelectorAll('.pagedjs_margin.hasContent, .pagedjs_page_content p, .pagedjs_page_content li, h1, h2, h3, figure, [data-note]');
      const boxes = [...blocks]
        .map((block) => block.getBoundingClientRect())
        .map((r) => [r.left - corner.left, r.top - corner.top, r.width, r.height].map(Math.round).join(','))
        .join(' ');
      // No function declared in here: the test runner's transform would name it with a helper the page lacks.
      const [text, note, margin] = [content, notes, margins].map((t) => t.replace(/\s+/g, ' ').trim());
      return { text: text ?? '', notes: note ?? '', margins: margin ?? '', classes: [...element.classList].sort(), boxes };
    }),
  );
}

/** Where two layouts' pages first differ, said for a reader; undefined when they are the same. */
export function firstDifference(a: PageSummary[], b: PageSummary[]): string | undefined {
  if (a.length !== b.length) return `${a.length} pages against ${b.length}`;
  for (const [i, page] of a.entries()) {
    const other = b[i];
    if (!other) continue;
    for (const key of ['text', 'notes', 'margins', 'boxes'] as const) {
      if (page[key] !== other[key]) return `page ${i + 1}: its ${key} differ: ${whereDifferent(page[key], other[key])}`;
    }
    if (page.classes.join(' ') !== other.classes.join(' ')) return `page ${i + 1}: classes ${page.classes.join(' ')} against ${other.classes.join(' ')}`;
  }
  return undefined;
}

/** The two texts from a little before where they part. */
function whereDifferent(a: string, b: string): string {
  let same = 0;
  while (same < a.length && a[same] === b[same]) same += 1;
  const from = Math.max(0, same - 20);
  return `"…${a.slice(from, same + 60)}" against "…${b.slice(from, same + 60)}"`;
}
