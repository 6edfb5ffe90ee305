import type { Browser, Page } from 'puppeteer-core';
import { takePagePictures } from '../gallery/page-pictures.ts';
import { buildDocument, type Trim } from '../paginate/document.ts';
import { paginate, type LayoutReport } from '../paginate/paginate.ts';
import { sourceDate } from '../util/source-date.ts';
import { checkSetOnce, checkWhole } from './checks.ts';
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
  /** Add notes pages to reach a multiple of 4. Default: paginate's (true). */
  notesPages?: boolean;
  /** The HTML body to lay out. Default: the whole document from the markdown stage. */
  body?: string;
}

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
 * layout report and the open tab, and may print it (see `print`).
 */
export async function layOut<T>(
  context: DocumentContext,
  options: LayOutOptions,
  use: (layout: Layout) => Promise<T>,
): Promise<T> {
  const browser = await context.browser;
  return context.limit(async () => {
    const layout = await layOutOnce(context, options, browser);
    try {
      return await use(layout);
    } finally {
      await layout.page.close();
    }
  });
}

/** The HTML of one layout of the document: its body, styles, fonts and page size. */
export function layoutHtml(context: DocumentContext, options: LayOutOptions): Promise<string> {
  const { frontMatter } = context.markdown;
  return buildDocument({
    body: options.body ?? context.markdown.html,
    title: frontMatter.title,
    lang: frontMatter.lang,
    dir: context.document.direction,
    paper: context.document.paper,
    trim: options.trim,
    footnotes: frontMatter.footnotes,
    fontFaces: context.fontFaces,
    ...(context.document.style === undefined ? {} : { userCss: context.document.style.css }),
    ...(options.fontSize === undefined ? {} : { fontSize: options.fontSize }),
    ...(options.edition === undefined ? {} : { edition: options.edition }),
  });
}

async function layOutOnce(context: DocumentContext, options: LayOutOptions, browser: Browser) {
  const { stage } = context;
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
  });
  return { page, report, html, trim: options.trim, edition: options.edition ?? 'standard' };
}

/** A printed layout: its PDF, and pictures of its pages when they were asked for and could be taken. */
export interface Printed {
  pdf: Uint8Array;
  pictures: Uint8Array[] | undefined;
}

/** Prints a laid-out tab to PDF, with the document's metadata and bookmarks; only a whole layout is printed. */
export async function print(context: DocumentContext, layout: Layout): Promise<Uint8Array> {
  return (await printWithPictures(context, layout, undefined)).pdf;
}

/**
 * As `print`; with `pictureWidth`, pictures of the pages that wide are taken in
 * the tab once it has printed, and cut up there, both while node finishes the
 * PDF (gallery/page-pictures.ts). Pictures that cannot be taken are left out:
 * the gallery then draws the pages from the PDF.
 */
export async function printWithPictures(context: DocumentContext, layout: Layout, pictureWidth: number | undefined): Promise<Printed> {
  checkWhole(context, layout);
  checkSetOnce(context, layout);
  const { frontMatter } = context.markdown;
  const { printPages, finishPdf } = await printing();
  const printed = await printPages(layout.page);
  // The pictures are taken while node finishes the PDF, which lets the event loop turn between pages.
  const taking = pictureWidth === undefined ? undefined : takePagePictures({ page: layout.page, width: pictureWidth }).catch(() => undefined);
  const pictures = taking?.then((taken) => taken?.cut.catch(() => undefined));
  const pdf = await finishPdf(printed, {
    metadata: {
      title: frontMatter.title,
      ...(frontMatter.author === undefined ? {} : { author: frontMatter.author }),
      ...(frontMatter.subtitle === undefined ? {} : { subject: frontMatter.subtitle }),
      lang: frontMatter.lang,
      date: sourceDate(frontMatter.date),
    },
    bookmarks: layout.report.headings.map(({ text, level, page }) => ({ title: text, level, page })),
    idSeed: `${layout.html}\n${context.document.paper}`,
    source: { path: context.source, text: String(context.markdown.file.value) },
  });
  // Read back as a reader would while the pictures are taken; a fault stops the build (read-back.ts),
  // once the pictures are done with the tab.
  const options = { hyphenates: layout.edition === 'standard', carriesImages: layout.trim !== 'card' };
  const [readBack, taken] = await Promise.allSettled([checkReadBack(context, layout, pdf, options), pictures]);
  if (readBack.status === 'rejected') throw readBack.reason;
  return { pdf, pictures: taken.status === 'fulfilled' ? taken.value : undefined };
}
