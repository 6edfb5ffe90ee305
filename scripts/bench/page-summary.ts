/**
 * What a reader would compare between two layouts of the same HTML, page by
 * page: the text, the notes, the running heads and the page's classes (its
 * side, its named page). Read from the open tab after `paginate`, without
 * forcing a layout (textContent), so that reading it leaves the tab's
 * layout counts as they were.
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
}

export function summarizePages(page: Page): Promise<PageSummary[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('.pagedjs_page')].map((element) => {
      const content = element.querySelector('.pagedjs_page_content')?.textContent ?? '';
      const notes = element.querySelector('.pagedjs_footnote_area')?.textContent ?? '';
      const margins = [...element.querySelectorAll('.pagedjs_margin')].map((box) => box.textContent ?? '').join('|');
      // No function declared in here: the test runner's transform would name it with a helper the page lacks.
      const [text, note, margin] = [content, notes, margins].map((t) => t.replace(/\s+/g, ' ').trim());
      return { text: text ?? '', notes: note ?? '', margins: margin ?? '', classes: [...element.classList].sort() };
    }),
  );
}

/** Where two layouts' pages first differ, said for a reader; undefined when they are the same. */
export function firstDifference(a: PageSummary[], b: PageSummary[]): string | undefined {
  if (a.length !== b.length) return `${a.length} pages against ${b.length}`;
  for (const [i, page] of a.entries()) {
    const other = b[i];
    if (!other) continue;
    for (const key of ['text', 'notes', 'margins'] as const) {
      if (page[key] !== other[key]) return `page ${i + 1}: its ${key} differ: "${page[key].slice(0, 120)}" against "${other[key].slice(0, 120)}"`;
    }
    if (page.classes.join(' ') !== other.classes.join(' ')) return `page ${i + 1}: classes ${page.classes.join(' ')} against ${other.classes.join(' ')}`;
  }
  return undefined;
}
