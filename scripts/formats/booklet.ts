import type { Plan } from '../impose/plan.ts';
import type { LayoutReport } from '../paginate/paginate.ts';
import { bookletFolding } from './booklet-folding.ts';
import type { DocumentContext } from './context.ts';
import { sheetEdgeWarnings } from './preflight.ts';
import { backMatterPages } from './reading.ts';
import { placementsOf } from './sheet-edges.ts';
import { mark } from '../util/timeline.ts';
import { imposing } from './pdf-stages.ts';

/**
 * The saddle-stitched booklet: the reading edition's pages, two to a side of a
 * landscape sheet. The back matter (card leaf, colophon, back cover) is kept at
 * the end, so padding, if any, never pushes it inside. A right-to-left
 * document is bound on the right. A thick one is folded in signatures, with
 * creep (booklet-folding.ts). Its plan says where each page went; its note
 * says how it folds.
 */
export interface BookletOptions {
  /** Its file's name, in what it warns of. Default: booklet.pdf. */
  file?: string;
  /** What must end before it is done, after it is imposed: the reading edition's read-back (reading.ts). Default: nothing. */
  after?: Promise<void>;
  /** Told of the imposed PDF and its plan before `after` ends. Default: none. */
  onImposed?: (imposed: { pdf: Uint8Array; plan: Plan }) => void;
}

export async function makeBooklet(
  context: DocumentContext,
  reading: Uint8Array,
  report: LayoutReport,
  { file = 'booklet.pdf', after, onImposed }: BookletOptions = {},
): Promise<{ pdf: Uint8Array; plan: Plan; note: string | undefined }> {
  const { frontMatter } = context.markdown;
  const folding = bookletFolding({ pageCount: report.pageCount, signature: frontMatter.signature, creep: frontMatter.creep });
  mark(`${file}: imposing begins`);
  const { pdf, plan } = await (await imposing()).imposePdfWithPlan({
    pdf: reading,
    name: `${context.name}/reading.pdf`,
    layout: 'booklet',
    paper: context.document.paper,
    keepLast: backMatterPages(report),
    binding: context.document.binding,
    signature: folding.signature,
    creep: folding.creep,
  });
  mark(`${file}: imposed`);
  onImposed?.({ pdf, plan });
  // Its warnings follow the reading edition's read-back, as they did when it was imposed after it.
  await after;
  for (const line of sheetEdgeWarnings({ source: context.source, file, placements: placementsOf(plan), insets: report.insets })) context.reporter.warn(line);
  return { pdf, plan, note: folding.note };
}
