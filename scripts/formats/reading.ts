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

/**
 * The reading edition: half-letter (or A5) pages in reading order, a multiple
 * of 4 of them, ready to be imposed as a booklet. Its HTML is kept beside it.
 * The large-print edition is the same at 16 pt (styles/large-print.css); its
 * HTML is scratch. Returned once its PDF is finished, its read-back under way:
 * what is made of it (the booklet) is made meanwhile, and is done only once
 * the read-back is.
 */
export async function layOutReadingApart(context: DocumentContext, edition: 'standard' | 'large-print' = 'standard'): Promise<ReadingApart> {
  const htmlName = edition === 'standard' ? `${context.name}.html` : '.large-print.html';
  // The reading edition's pages are the ones every imposed format copies: the preflight looks at them, once.
  const { readBack, ...reading } = await layOut(context, { trim: 'reading', htmlName, edition, preflight: edition === 'standard' }, async (layout) => {
    checkWhole(context, layout);
    checkBackMatter(context.source, layout.report);
    const hairlines = await svgHairlines({ browser: await context.browser, dir: context.stage.dir, images: layout.report.vectorImages });
    for (const line of preflightWarnings(context.source, [...layout.report.preflight, ...hairlines])) context.reporter.warn(line);
    const { pdf, pictures, readBack } = await printWithPictures(context, layout, context.pictureWidth);
    return { pdf, pictures, report: layout.report, readBack };
  });
  // Finished once the tab is closed, while the next layout has its turn; its read-back goes on.
  return { ...reading, pdf: await reading.pdf, readBack };
}

/** The reading edition (see layOutReadingApart), once it is read back too. */
export async function layOutReading(context: DocumentContext, edition: 'standard' | 'large-print' = 'standard'): Promise<Reading> {
  const { readBack, ...reading } = await layOutReadingApart(context, edition);
  await readBack;
  return reading;
}

/** How many pages at the end are back matter that must stay at the end: card leaf, colophon, back cover. */
export function backMatterPages(report: LayoutReport): number {
  return report.cardPage > 0 ? report.pageCount - report.cardPage + 1 : 2;
}
