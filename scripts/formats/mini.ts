import { bindingFor, documentDirection } from '../config/direction.ts';
import { imposePdf } from '../impose/impose.ts';
import type { DocumentContext } from './context.ts';
import { FormatSkipped } from './context.ts';
import { isWhole } from './checks.ts';
import { layOut, print } from './lay-out.ts';

/** Body sizes tried for the mini zine, largest first; the last is the legible floor. */
export const MINI_FONT_SIZES: readonly number[] = [9, 8.5, 8, 7.5, 7];
const MINI_PAGES = 8;

/**
 * Lays the document out at one size and returns its page count, or the PDF
 * too when all of it fits in the mini zine's 8 pages.
 */
function tryMini(context: DocumentContext, fontSize: number) {
  const options = { trim: 'mini', htmlName: '.mini.html', fontSize } as const;
  return layOut(context, options, async (layout) => {
    const fits = layout.report.pageCount <= MINI_PAGES && isWhole(layout.report);
    return { pages: layout.report.pageCount, pdf: fits ? await print(context, layout) : undefined };
  });
}

/**
 * The one-sheet 8-page mini zine: the document laid out at the mini trim
 * size (2.75 × 4.25 in or 74 × 105 mm), the type shrunk step by step until it
 * fits in 8 pages, then imposed on one sheet (its rows the other way for a
 * right-to-left document). The floor is tried first, so a text that cannot
 * fit costs one layout, not five.
 */
export async function makeMini(context: DocumentContext): Promise<{ pdf: Uint8Array; fontSize: number }> {
  const floor = MINI_FONT_SIZES.at(-1) as number;
  const atFloor = await tryMini(context, floor);
  if (atFloor.pdf === undefined) {
    const needs = atFloor.pages > MINI_PAGES ? `it needs ${atFloor.pages} pages` : 'it does not fit';
    throw new FormatSkipped(
      'mini',
      `${context.source}: too long for the mini zine: ${needs} at ${floor} pt, and a mini zine has ${MINI_PAGES}`,
    );
  }
  let chosen = { pdf: atFloor.pdf, fontSize: floor };
  for (const fontSize of MINI_FONT_SIZES.slice(0, -1)) {
    const attempt = await tryMini(context, fontSize);
    if (attempt.pdf !== undefined) {
      chosen = { pdf: attempt.pdf, fontSize };
      break;
    }
  }
  const binding = bindingFor(documentDirection(context.markdown.frontMatter));
  const pdf = await imposePdf({ pdf: chosen.pdf, layout: 'mini', paper: context.paper, keepLast: 1, binding });
  return { pdf, fontSize: chosen.fontSize };
}
