import type { LayoutReport } from '../paginate/paginate.ts';
import type { DocumentContext } from './context.ts';
import { checkBackMatter, checkWhole } from './checks.ts';
import { finished, layOut, printWithPictures } from './lay-out.ts';
import { preflightWarnings } from './preflight.ts';
import { svgHairlines } from './svg-hairlines.ts';

export interface Reading {
  pdf: Uint8Array;
  report: LayoutReport;
  /** Pictures of its pages for the gallery, when the context asks for them (see printWithPictures). */
  pictures: Uint8Array[] | undefined;
}

/**
 * The reading edition: half-letter (or A5) pages in reading order, a multiple
 * of 4 of them, ready to be imposed as a booklet. Its HTML is kept beside it.
 * The large-print edition is the same at 16 pt (styles/large-print.css); its
 * HTML is scratch.
 */
export async function layOutReading(context: DocumentContext, edition: 'standard' | 'large-print' = 'standard'): Promise<Reading> {
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
  // Finished and read back once the tab is closed, while the next layout has its turn.
  return { ...reading, pdf: await finished({ pdf: reading.pdf, readBack }) };
}

/** How many pages at the end are back matter that must stay at the end: card leaf, colophon, back cover. */
export function backMatterPages(report: LayoutReport): number {
  return report.cardPage > 0 ? report.pageCount - report.cardPage + 1 : 2;
}
