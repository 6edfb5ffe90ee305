import { bindingFor, documentDirection } from '../config/direction.ts';
import { imposePdf } from '../impose/impose.ts';
import type { LayoutReport } from '../paginate/paginate.ts';
import type { DocumentContext } from './context.ts';
import { backMatterPages } from './reading.ts';

/**
 * The saddle-stitched booklet: the reading edition's pages, two to a side of a
 * landscape sheet. The back matter (card leaf, colophon, back cover) is kept at
 * the end, so padding, if any, never pushes it inside. A right-to-left
 * document is bound on the right.
 */
export function makeBooklet(context: DocumentContext, reading: Uint8Array, report: LayoutReport): Promise<Uint8Array> {
  return imposePdf({
    pdf: reading,
    name: `${context.name}/reading.pdf`,
    layout: 'booklet',
    paper: context.paper,
    keepLast: backMatterPages(report),
    binding: bindingFor(documentDirection(context.markdown.frontMatter)),
  });
}
