import type { LayoutReport } from '../paginate/paginate.ts';
import type { DocumentContext } from './context.ts';
import { checkBackMatter, checkWhole } from './checks.ts';
import { layOut, printWithPictures } from './lay-out.ts';
import { preflightWarnings } from './preflight.ts';
import { svgHairlines } from './svg-hairlines.ts';

export interface Reading {
  pdf: Uint8Array;
  report: LayoutReport;
  /** Pictures of its pages for the gallery, when the context asks for them (see printWithPictures). */
  pictures: Uint8Array[] | undefined;
}

/** A reading edition whose PDF is finished, still being read back: `readBack` rejects with a fault it finds. */
export interface ReadingApart extends Reading {
  readBack: Promise<void>;
}

/** The reading edition as it is made (see readingSteps). */
export interface ReadingSteps {
  /** Its PDF, finished, and its layout's report, while the tab may still take the pictures; rejects as the layout or the finish fails. */
  printed: Promise<{ pdf: Uint8Array; report: LayoutReport }>;
  /** All of it once its tab is closed, its read-back still going on. */
  laidOut: Promise<ReadingApart>;
  /** Its read-back, once it has ended; rejects with a fault it finds, or as the layout fails. */
  readBack: Promise<void>;
}

/**
 * The reading edition: half-letter (or A5) pages in reading order, a multiple
 * of 4 of them, ready to be imposed as a booklet. Its HTML is kept beside it.
 * The large-print edition is the same at 16 pt (styles/large-print.css); its
 * HTML is scratch. Its steps are told as they end: what is made of the PDF
 * (the booklet) is made once the PDF is finished, while the tab takes the
 * gallery's pictures and the PDF is read back, and is done only once the
 * read-back is.
 */
export function readingSteps(context: DocumentContext, edition: 'standard' | 'large-print' = 'standard'): ReadingSteps {
  const htmlName = edition === 'standard' ? `${context.name}.html` : '.large-print.html';
  let printedEarly: (printed: { pdf: Promise<Uint8Array>; report: LayoutReport }) => void = () => undefined;
  const early = new Promise<{ pdf: Promise<Uint8Array>; report: LayoutReport }>((resolve) => {
    printedEarly = resolve;
  });
  // The reading edition's pages are the ones every imposed format copies: the preflight looks at them, once.
  const laidOut = layOut(context, { trim: 'reading', htmlName, edition, preflight: edition === 'standard' }, async (layout) => {
    checkWhole(context, layout);
    checkBackMatter(context.source, layout.report);
    const hairlines = await svgHairlines({ browser: await context.browser, dir: context.stage.dir, images: layout.report.vectorImages });
    for (const line of preflightWarnings(context.source, [...layout.report.preflight, ...hairlines])) context.reporter.warn(line);
    const { pdf, pictures, readBack } = await printWithPictures(context, layout, context.pictureWidth, ({ pdf }) => printedEarly({ pdf, report: layout.report }));
    return { pdf, pictures, report: layout.report, readBack };
  }).then(async ({ readBack, ...reading }) => ({ ...reading, pdf: await reading.pdf, readBack }));
  // A layout that fails before it prints rejects both.
  const printed = Promise.race([early.then(async ({ pdf, report }) => ({ pdf: await pdf, report })), laidOut]);
  const readBack = laidOut.then((reading) => reading.readBack);
  // Heard by whoever awaits them (the booklet alone awaits `printed`), never unheard.
  for (const step of [printed, laidOut, readBack]) step.catch(() => undefined);
  return { printed, laidOut, readBack };
}

/** The reading edition (see readingSteps), once it is read back too. */
export async function layOutReading(context: DocumentContext, edition: 'standard' | 'large-print' = 'standard'): Promise<Reading> {
  const { readBack, ...reading } = await readingSteps(context, edition).laidOut;
  await readBack;
  return reading;
}

/** How many pages at the end are back matter that must stay at the end: card leaf, colophon, back cover. */
export function backMatterPages(report: LayoutReport): number {
  return report.cardPage > 0 ? report.pageCount - report.cardPage + 1 : 2;
}
