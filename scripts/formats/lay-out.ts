import type { Browser, Page } from 'puppeteer-core';
import { takePagePictures } from '../gallery/page-pictures.ts';
import { buildDocument, trimSize, type Trim } from '../paginate/document.ts';
import type { EarlierBreak } from '../paginate/in-page/earlier-break.ts';
import { paginate, type LayoutReport } from '../paginate/paginate.ts';
import { sourceDate } from '../util/source-date.ts';
import { checkSetOnce, checkWhole, lossExplained } from './checks.ts';
import type { DocumentContext } from './context.ts';
import { preloadPdfStages, printing } from './pdf-stages.ts';
import { checkReadBack } from './read-back.ts';

export interface LayOutOptions {
  /** Page size family of this layout. */
  trim: Trim;
  /** Name of the HTML file written into the stage. */
  htmlName: string;
  /** Body type size in points. Default: the stylesheet's. */
  fontSize?: number;
  /** Default: `standard` (see DocumentOptions). */
  edition?: 'standard' | 'large-print';
  /** Run the photocopy preflight (see paginate). Default: false. */
  preflight?: boolean;
  /** Measure the running text's shape for the mini zine's size search (see paginate). Default: false. */
  runningText?: boolean;
  /** Add notes pages to reach a multiple of 4. Default: paginate's (true). */
  notesPages?: boolean;
  /** The HTML body to lay out. Default: the whole document from the markdown stage. */
  body?: string;
  /** Blocks (`line:column`) a page breaks before, to repair a fault of the layout (see layOutOnce). Default: none. */
  breaksBefore?: readonly string[];
  /** Its place among the layouts waiting for a turn (util/concurrency.ts): higher goes first. Default: 0. */
  priority?: number;
}

/** How many times a layout is laid out again, each with one more page break, to repair text set twice or lost. */
export const LAYOUT_REPAIRS = 3;

/** A laid-out tab, with what it was laid out from. */
export interface Layout {
  page: Page;
  report: LayoutReport;
  html: string;
  trim: Trim;
  edition: 'standard' | 'large-print';
}

/**
 * One layout of the document in the build's browser, at one trim size. The
 * HTML is written into the stage and laid out by Paged.js; `use` sees the
 * layout report and the open tab, and may print it (see `printWithPictures`). Its turn at
 * the gate is asked for at once, the browser awaited in it: the
 * layouts asked for together take their turns by `priority`, then in order.
 */
export function layOut<T>(
  context: DocumentContext,
  options: LayOutOptions,
  use: (layout: Layout) => Promise<T>,
): Promise<T> {
  return context.limit(async () => {
    const layout = await layOutOnce(context, options, await context.browser);
    try {
      return await use(layout);
    } finally {
      await layout.page.close();
    }
  }, options.priority);
}

/** Only the reading edition's pages (and large print's, of the same trim) go to a print shop with bleed. */
function bleedOf(context: DocumentContext, trim: Trim): number {
  return trim === 'reading' ? (context.bleed ?? 0) : 0;
}

/** The HTML of one layout of the document: its body, styles, fonts and page size. */
export function layoutHtml(context: DocumentContext, options: LayOutOptions): Promise<string> {
  const { frontMatter } = context.markdown;
  return buildDocument({
    body: options.body ?? context.markdown.html,
    title: frontMatter.title,
    lang: frontMatter.lang,
    labels: context.document.labels,
    dir: context.document.direction,
    paper: context.document.paper,
    trim: options.trim,
    footnotes: frontMatter.footnotes,
    fontFaces: context.fontFaces,
    ...(context.document.style === undefined ? {} : { userCss: context.document.style.css }),
    ...(options.fontSize === undefined ? {} : { fontSize: options.fontSize }),
    ...(options.edition === undefined ? {} : { edition: options.edition }),
    ...(options.breaksBefore === undefined ? {} : { breaksBefore: options.breaksBefore }),
    ...(bleedOf(context, options.trim) > 0 ? { bleed: bleedOf(context, options.trim), cropMarks: context.cropMarks === true } : {}),
  });
}

/**
 * Paged.js 0.4.3 may set a few lines twice, or lose them, at a page break: a
 * fault of the layout, not of the text. The report then names the first page
 * where the letters stop matching the source and the block its break is in
 * (in-page/faulty-page.ts); the layout is done again with a page break before
 * that block, so that page ends before it and the next begins with it whole;
 * where the page already begins in that block (a break before it changes
 * nothing there), with that page ending a line earlier than Paged.js broke it,
 * then two (nextRepair); up to LAYOUT_REPAIRS times in all. Text lost for
 * something too long to break (checks.ts lossExplained) is no fault of the
 * layout and is refused as it is, naming it. What is still
 * wrong after that is refused by the checks before printing (checks.ts),
 * naming the place.
 */
async function layOutOnce(context: DocumentContext, options: LayOutOptions, browser: Browser) {
  const repairs: Repairs = { breaksBefore: [...(options.breaksBefore ?? [])], earlierBreaks: [] };
  for (let tried = 0; ; tried += 1) {
    const layout = await layOutWith(context, { ...options, breaksBefore: repairs.breaksBefore }, repairs.earlierBreaks, browser);
    const fault = layout.report.faultyPage;
    if (fault === undefined || tried === LAYOUT_REPAIRS || (fault.kind === 'lost' && lossExplained(context, layout.report))) return layout;
    if (!nextRepair(fault, repairs)) return layout;
    await layout.page.close();
  }
}

/** How a layout is done again: the blocks its pages break before, and the pages it ends earlier. */
interface Repairs {
  breaksBefore: string[];
  earlierBreaks: EarlierBreak[];
}

/** Lines a faulty page may end earlier than Paged.js broke it. */
const EARLIER_LINES = 2;

/** Adds the next repair of a faulty page to `repairs`; false when none is left to try. */
export function nextRepair(fault: NonNullable<LayoutReport['faultyPage']>, repairs: Repairs): boolean {
  const place = fault.breakBefore;
  if (place !== undefined && !fault.beginsPage && !repairs.breaksBefore.includes(place)) {
    repairs.breaksBefore.push(place);
    return true;
  }
  const earlier = repairs.earlierBreaks.find((each) => each.from === fault.from);
  if (earlier === undefined) repairs.earlierBreaks.push({ from: fault.from, lines: 1 });
  else if (earlier.lines < EARLIER_LINES) earlier.lines += 1;
  else return false;
  return true;
}

async function layOutWith(context: DocumentContext, options: LayOutOptions, earlierBreaks: readonly EarlierBreak[], browser: Browser) {
  const { stage } = context;
  context.layoutStep?.('opening');
  const html = await layoutHtml(context, options);
  const htmlPath = await stage.write(options.htmlName, html);
  preloadPdfStages();
  const { page, report } = await paginate({
    browser,
    htmlPath,
    allowedDir: stage.dir,
    name: context.source,
    ...(options.notesPages === undefined ? {} : { notesPages: options.notesPages }),
    ...(options.preflight === undefined ? {} : { preflight: options.preflight }),
    ...(options.runningText === undefined ? {} : { runningText: options.runningText }),
    ...(earlierBreaks.length === 0 ? {} : { earlierBreaks }),
    ...(context.layoutStep === undefined ? {} : { onBegun: () => context.layoutStep?.('begun') }),
  });
  const edition = options.edition ?? 'standard';
  await context.reporter.laidOut?.({ source: context.source, trim: options.trim, edition, report, page });
  return { page, report, html, trim: options.trim, edition };
}

/**
 * A printed layout: its PDF, pictures of its pages when they were asked for
 * and could be taken, and its read-back. Neither the PDF's finishing (node's
 * work, pdf-lib) nor its read-back needs the tab or a layout's turn: the
 * caller awaits both once the tab is closed, before the format is done.
 */
export interface Printed {
  /** The PDF as node finishes it; a failure rejects it (and `readBack`). */
  pdf: Promise<Uint8Array>;
  pictures: Uint8Array[] | undefined;
  /** The read-back of the PDF (read-back.ts), begun once it is finished. A fault rejects it. */
  readBack: Promise<void>;
}

/**
 * Prints a laid-out tab to PDF, with the document's metadata and bookmarks
 * (only a whole layout is printed); with `pictureWidth`, pictures of the pages
 * that wide are taken in the tab once it has printed, and cut up there, while node finishes the PDF
 * (gallery/page-pictures.ts). It returns once the tab has done its part (the
 * pictures cut), so that the tab is closed and the next layout has its turn
 * while node still finishes the PDF. Pictures that cannot be taken are left
 * out: the gallery then draws the pages from the PDF. `onPrinted` is given
 * the PDF (still finishing) and its read-back once Chromium has printed.
 */
export async function printWithPictures(
  context: DocumentContext,
  layout: Layout,
  pictureWidth: number | undefined,
  onPrinted?: (printed: Pick<Printed, 'pdf' | 'readBack'>) => void,
): Promise<Printed> {
  const { pdf, readBack } = (await printInTab(context, layout)).finishApart();
  // Told as soon as Chromium has printed: what is made of the PDF need not wait for the pictures.
  onPrinted?.({ pdf, readBack });
  // Heard by the caller once the tab is closed; meanwhile a failure here is not an unhandled one.
  pdf.catch(() => undefined);
  // The pictures are taken while node finishes the PDF, which lets the event loop turn between pages.
  const taking = pictureWidth === undefined ? undefined : takePagePictures({ page: layout.page, width: pictureWidth }).catch(() => undefined);
  const pictures = await taking?.then((taken) => taken?.cut.catch(() => undefined));
  return { pdf, pictures, readBack };
}

/** The finished PDF of a print, then its read-back: what the caller awaits once the tab is closed. */
export async function finished(printed: Pick<Printed, 'pdf' | 'readBack'>): Promise<Uint8Array> {
  const pdf = await printed.pdf;
  await printed.readBack;
  return pdf;
}

/** The essay's type size in points, against which the read-back judges word spaces (0 when there is no essay). */
function bodySize(page: Page): Promise<number> {
  return page.evaluate(() => {
    const essay = document.querySelector('.essay');
    return essay === null ? 0 : parseFloat(getComputedStyle(essay).fontSize) * 0.75;
  });
}

/**
 * Printing in its two parts: the tab's (Chromium prints the pages), awaited
 * here, after which the tab may be used again; and Node's, which needs the
 * tab no more and runs when it is called: `finishApart`, the PDF finished
 * with pdf-lib, and its read-back begun once it is (which a fault rejects,
 * never left unheard); `finish`, both, the PDF once it is read back.
 */
export async function printInTab(
  context: DocumentContext,
  layout: Layout,
): Promise<{ finish: () => Promise<Uint8Array>; finishApart: () => { pdf: Promise<Uint8Array>; readBack: Promise<void> } }> {
  checkWhole(context, layout);
  checkSetOnce(context, layout);
  const { frontMatter } = context.markdown;
  const { printPages, finishPdf } = await printing();
  const em = await bodySize(layout.page);
  const printed = await printPages(layout.page);
  const finishApart = () => {
    const pdf = finishPdf(printed, {
      metadata: {
        title: frontMatter.title,
        ...(frontMatter.author === undefined ? {} : { author: frontMatter.author }),
        ...(frontMatter.subtitle === undefined ? {} : { subject: frontMatter.subtitle }),
        lang: frontMatter.lang,
        date: sourceDate(frontMatter.date),
      },
      bookmarks: layout.report.headings.map(({ text, level, page }) => ({ title: text, level, page })),
      idSeed: `${layout.html}\n${context.document.paper}`,
      ...(bleedOf(context, layout.trim) > 0 ? { trim: trimSize(layout.trim, context.document.paper) } : {}),
      source: { path: context.source, text: String(context.markdown.file.value) },
    });
    const readBack = pdf.then((bytes) => checkReadBack(context, layout, bytes, { hyphenates: layout.edition === 'standard', carriesImages: layout.trim !== 'card', em }));
    // Heard by whoever awaits it; a failure of the PDF itself is theirs to hear through `pdf`.
    readBack.catch(() => undefined);
    return { pdf, readBack };
  };
  const finish = async () => {
    const { pdf, readBack } = finishApart();
    await readBack;
    return pdf;
  };
  return { finish, finishApart };
}
