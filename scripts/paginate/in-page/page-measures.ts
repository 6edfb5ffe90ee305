import type { LayoutReport } from '../layout-report.ts';
import { lostText, printedLetters } from './letters.ts';
import { footGap, loneEnds } from './page-fill.ts';
import { runningShape, type RunningShape } from './running-text.ts';
import { pageFindings, pageInsetSides, pageVectorImages } from './preflight.ts';
import { textBlockOf } from './text-blocks.ts';
import { asPrinted } from './unpainted.ts';

/** Pages finished and hidden while the rest is laid out (hide-finished-pages.ts). */
export const HIDDEN = 'zinepress-hidden';

/** What the layout report measures on one page (page numbers are given when the report is made). */
export interface PageMeasure {
  printed: number;
  /** The first text set off the page. */
  lost: Text | undefined;
  textBlock: Omit<LayoutReport['textBlocks'][number], 'page'>;
  clippedNotes: boolean;
  /** Room left at the foot of the running text, in CSS pixels (undefined on a page without it). */
  footGap: number | undefined;
  /** Its running text's lines, block ends and images (running-text.ts), when the report asks for them. */
  running?: RunningShape;
  loneTop: boolean;
  loneFoot: boolean;
  preflight?: {
    findings: Omit<LayoutReport['preflight'][number], 'page'>[];
    insets: LayoutReport['insets'][number]['sides'];
    vectorImages: Omit<LayoutReport['vectorImages'][number], 'page'>[];
  };
}

/** Whether the page's footnotes are taller than their area, so that their last lines would be cut off. */
function notesClipped(page: Element): boolean {
  const area = page.querySelector('.pagedjs_footnote_area');
  const notes = page.querySelector('.pagedjs_footnote_inner_content');
  return area !== null && notes !== null && notes.scrollHeight > area.clientHeight + 1;
}

function measure(page: HTMLElement, options: { preflight: boolean; runningText: boolean }): PageMeasure {
  const lone = loneEnds(page);
  const measured: PageMeasure = {
    printed: printedLetters(page),
    lost: lostText(page),
    textBlock: textBlockOf(page),
    clippedNotes: notesClipped(page),
    footGap: footGap(page),
    loneTop: lone.top,
    loneFoot: lone.foot,
  };
  // Only the mini zine's size search reads it (formats/mini-predict.ts): a style read and a box per block.
  if (options.runningText) measured.running = runningShape(page);
  if (!options.preflight) return measured;
  // The preflight reads what is shown.
  measured.preflight = asPrinted(page, () => ({ findings: pageFindings(page), insets: pageInsetSides(page), vectorImages: pageVectorImages(page) }));
  return measured;
}

/** The class list without the hiding class: what the page's layout depends on. */
const classesOf = (value: string | null) => (value ?? '').split(/\s+/).filter((name) => name !== '' && name !== HIDDEN).sort().join(' ');

/**
 * Whether an attribute change leaves the page's layout as it was: the same
 * value set again (pages renumbered), the hiding class, or a note's number put
 * in its id and its call's link (note-ids.ts; no style of ours selects on them).
 */
function unchanged(record: MutationRecord): boolean {
  const target = record.target as Element;
  const now = record.attributeName === null ? null : target.getAttribute(record.attributeName);
  if (record.attributeName === 'class') return classesOf(record.oldValue) === classesOf(now);
  if (record.attributeName === 'id' && target.matches('[data-footnote-marker]')) return true;
  if (record.attributeName === 'href' && target.matches('[data-footnote-call]') && record.oldValue?.startsWith('#') && now?.startsWith('#')) return true;
  return record.oldValue === now;
}

/**
 * Each page's measures, taken as its layout ends (while that layout is
 * current, and only the last pages are shown), so that the report needs no
 * layout of every page. A page changed after it was measured (its content,
 * its classes: a notes page put before it turns its side) is measured again.
 */
export class PageMeasures {
  readonly #measured = new Map<Element, PageMeasure>();
  readonly #observer = new MutationObserver((records) => this.#forget(records));
  /** Whether the report takes the photocopy preflight: set before each layout. */
  withPreflight = false;
  /** Whether the report measures the running text's shape: set before each layout. */
  withRunningText = false;

  get #options(): { preflight: boolean; runningText: boolean } {
    return { preflight: this.withPreflight, runningText: this.withRunningText };
  }

  /** Measures a page now, and watches it for changes. */
  take(page: HTMLElement): void {
    this.#measured.set(page, measure(page, this.#options));
    this.#observer.observe(page, { subtree: true, childList: true, characterData: true, attributes: true, attributeOldValue: true });
  }

  #forget(records: MutationRecord[]): void {
    for (const record of records) {
      const target = record.target instanceof Element ? record.target : record.target.parentElement;
      const page = target?.closest('.pagedjs_page');
      if (!page || !this.#measured.has(page)) continue;
      if (record.type === 'attributes' && unchanged(record)) continue;
      this.#measured.delete(page);
    }
  }

  /**
   * Every page's measures, in order: those of pages unchanged since they were
   * taken, the others taken now, with only those pages shown. Then every page is shown.
   */
  all(pages: HTMLElement[]): PageMeasure[] {
    this.#forget(this.#observer.takeRecords());
    this.#observer.disconnect();
    const stale = pages.filter((page) => !this.#measured.has(page));
    for (const page of stale) page.classList.remove(HIDDEN);
    for (const page of stale) this.#measured.set(page, measure(page, this.#options));
    for (const page of pages) page.classList.remove(HIDDEN);
    const measures = pages.map((page) => this.#measured.get(page) as PageMeasure);
    this.#measured.clear();
    return measures;
  }
}
