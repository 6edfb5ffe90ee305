import type { LayoutReport } from '../layout-report.ts';
import { faultyPage } from './faulty-page.ts';
import { countable, NOT_COUNTED, sourceLetters } from './letters.ts';
import { lostBlock } from './lost-block.ts';
import type { PageMeasure, PageMeasures } from './page-measures.ts';
import { firstOfEachKind, pageInsets, preflight, vectorImages } from './preflight.ts';
import { pageFill } from './page-fill.ts';
import { pageIndex, pageOf, pages } from './pages.ts';
import { runningText } from './running-text.ts';

/** Hyphens the layout added to words broken at a page's foot: a split element that still ends with one. */
const breakHyphens = (page: Element): number => [...page.querySelectorAll('.pagedjs_hyphen')].filter((element) => /[-\u2010\u2011]$/.test(element.textContent.trimEnd())).length;

const plain = (text: string) => text.replace(/\u00ad/g, '').trim();

/** Footnotes whose first part is not on the page of their call. */
function notesAway(all: HTMLElement[]): LayoutReport['notesAway'] {
  return [...document.querySelectorAll<HTMLElement>('.pagedjs_pages [data-footnote-marker]')]
    .filter((note) => note.dataset.splitFrom === undefined)
    .map((note) => {
      const call = document.querySelector(`.pagedjs_pages [data-footnote-call="${note.dataset.ref}"]`);
      return {
        note: plain(note.textContent).slice(0, 40),
        notePage: pageIndex(note, all),
        callPage: call ? pageIndex(call, all) : 0,
      };
    })
    .filter(({ notePage, callPage }) => notePage !== callPage);
}

const lostAt = (node: Text, page: number): LayoutReport['lost'][number] => ({
  page,
  text: plain(node.data).replace(/\s+/g, ' ').slice(0, 60),
  block: lostBlock(node),
});

/**
 * Where the layout stopped before the end of the text: Paged.js gives up when
 * a page would end where an earlier one ended ("Layout repeated", as with a
 * table too wide for its cells to wrap) and drops the rest. Its last page then
 * still has somewhere to go on from; the last text it set is what it could
 * not get past.
 */
function unfinished(all: HTMLElement[]): LayoutReport['lost'] {
  const last = window.PagedPolyfill.chunker.pages.at(-1);
  const content = last?.endToken ? last.element.querySelector('.pagedjs_page_content') : null;
  if (!last || !content) return [];
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  let text: Text | undefined;
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    if (countable(node.data) !== '' && !node.parentElement?.closest(NOT_COUNTED)) text = node;
  }
  return text ? [lostAt(text, all.indexOf(last.element) + 1)] : [];
}

/**
 * A report of the layout for the checks before printing: page count, the page
 * of every heading, letters before and after layout, footnotes set away from
 * their call or cut off at the foot.
 */
export function report(notesPages: number, settings: { preflight: boolean; runningText: boolean }, measures: PageMeasures): LayoutReport {
  const all = pages();
  const measured = measures.all(all);
  const headings = [...document.querySelectorAll<HTMLElement>('.pagedjs_pages :is(h1, h2, h3, h4)[id]')]
    .filter((heading) => !heading.closest('.card-back'))
    .map((heading) => ({
      id: heading.id,
      level: Number(heading.tagName.slice(1)),
      text: plain(heading.textContent),
      page: pageIndex(heading, all),
    }));
  const source = document.querySelector<HTMLTemplateElement>('template[data-ref="pagedjs-content"]');
  const letters = source ? sourceLetters(source.content) : 0;
  const printed = measured.map((page) => page.printed);
  const total = printed.reduce((sum, count) => sum + count, 0);
  const chunked = window.PagedPolyfill.chunker.pages.filter((page) => page.element?.isConnected);
  // The hyphens of words broken at a page's foot, counted: a few letters set twice hide in a slack of two a page.
  const hyphens = chunked.reduce((sum, page) => sum + breakHyphens(page.element), 0);
  const whole = total >= letters && total - hyphens - letters <= 2;
  const fault = whole || !source ? undefined : faultyPage(chunked, source.content, chunked.map((page) => (printed[all.indexOf(page.element)] ?? 0) - breakHyphens(page.element)));
  return {
    sourceLetters: letters,
    printedLetters: total,
    ...(fault === undefined ? {} : { faultyPage: fault }),
    lost: [
      ...measured.flatMap(({ lost }, index) => (lost ? [lostAt(lost, index + 1)] : [])),
      ...unfinished(all),
    ],
    clippedNotes: measured.flatMap((page, index) => (page.clippedNotes ? [index + 1] : [])),
    notesAway: notesAway(all),
    notesContinued: document.querySelectorAll('.pagedjs_pages [data-footnote-marker][data-split-from]').length,
    ...pageFill(all, measured),
    pageCount: all.length,
    ...(settings.runningText ? { runningText: runningText(measured) } : {}),
    textBlocks: measured.map((page, index) => ({ page: index + 1, ...page.textBlock })),
    notesPages,
    cardPage: pageOf('.card-front'),
    cardPages: all.filter((page) => page.querySelector('.card-front')).length,
    headings,
    ...(settings.preflight ? measuredPreflight(measured) : { preflight: [], insets: [], vectorImages: [] }),
  };
}

/** The photocopy preflight from each page's measures. */
function measuredPreflight(measured: PageMeasure[]): Pick<LayoutReport, 'preflight' | 'insets' | 'vectorImages'> {
  const of = (page: PageMeasure) => page.preflight ?? { findings: [], insets: {}, vectorImages: [] };
  return {
    preflight: firstOfEachKind(measured.flatMap((page, index) => of(page).findings.map(({ kind, ...item }) => ({ kind, page: index + 1, ...item })))),
    insets: measured.map((page, index) => ({ page: index + 1, sides: of(page).insets })),
    vectorImages: measured.flatMap((page, index) => of(page).vectorImages.map((image) => ({ page: index + 1, ...image }))),
  };
}

/** The photocopy preflight of the pages as they are: the report's part that `preflight` adds. */
export function preflightReport(): Pick<LayoutReport, 'preflight' | 'insets' | 'vectorImages'> {
  const all = pages();
  return { preflight: preflight(all), insets: pageInsets(all), vectorImages: vectorImages(all) };
}
