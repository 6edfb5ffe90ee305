import type { DocumentContext } from './context.ts';
import { FormatSkipped } from './context.ts';
import type { Plan } from '../impose/plan.ts';
import { finished, layOut, printWithPictures } from './lay-out.ts';
import { sheetEdgeWarnings } from './preflight.ts';
import { placementsOf } from './sheet-edges.ts';
import { imposing } from './pdf-stages.ts';

/**
 * The card's two sections of the document body (markdown/layout.ts writes
 * them one after the other, the front first), or undefined without a card.
 */
function cardSections(html: string): string | undefined {
  const start = html.indexOf('<section class="card-front"');
  const end = html.indexOf('<section class="colophon"');
  return start === -1 || end < start ? undefined : html.slice(start, end);
}

/**
 * The tear-out card alone, for handing out at a table: the card laid out on a
 * slip of its own (quarter-letter, or A6 on A4), front then back, and imposed
 * four to a sheet with the fronts on side 1 and the backs on side 2. With
 * the PDF come its plan and, for the gallery, pictures of the card's pages.
 */
export async function makeSlips(context: DocumentContext): Promise<{ pdf: Uint8Array; plan: Plan; pictures: Uint8Array[] | undefined }> {
  const body = cardSections(context.markdown.html);
  if (body === undefined) {
    throw new FormatSkipped('slips', `${context.source}: no ::::tear-off card to make slips of`);
  }
  const options = { trim: 'card', htmlName: '.card.html', notesPages: false, body, preflight: true } as const;
  const card = await layOut(context, options, async (layout) => {
    if (layout.report.cardPages > 1) {
      throw new FormatSkipped('slips', `${context.source}: the card does not fit on one slip`);
    }
    const { pdf, pictures, readBack } = await printWithPictures(context, layout, context.cardPictureWidth);
    return { pdf, pictures, insets: layout.report.insets, readBack };
  });
  // The card is finished once its tab is closed, and read back while it is imposed.
  const imposed = card.pdf.then(async (pdf) => (await imposing()).imposePdfWithPlan({ pdf, name: `${context.name} card`, layout: 'slips', paper: context.document.paper }));
  const [{ pdf, plan }] = await Promise.all([imposed, finished(card)]);
  for (const line of sheetEdgeWarnings({ source: context.source, file: 'slips.pdf', placements: placementsOf(plan), insets: card.insets })) context.reporter.warn(line);
  return { pdf, plan, pictures: card.pictures };
}
