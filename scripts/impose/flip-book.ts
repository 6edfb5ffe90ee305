/**
 * The flip-book's PDF: two reading PDFs in, one imposed booklet out, each
 * text read from its own cover (plan-flip-book.ts). The build and its tests
 * come through here.
 */
import { ContentError } from '../util/errors.ts';
import { planFlipBook, type FlipBookHalves, type FlipBookOptions } from './plan-flip-book.ts';
import type { Plan } from './plan.ts';
import { readPdf } from './read-pdf.ts';
import { writeImposed } from './write.ts';

export interface ImposeFlipBookOptions extends FlipBookOptions {
  /** The text read from the front cover, pages in reading order. */
  first: { pdf: Uint8Array; name: string };
  /** The text read from the back cover, pages in its own reading order (its cover first). */
  second: { pdf: Uint8Array; name: string };
}

export async function imposeFlipBook(options: ImposeFlipBookOptions): Promise<{ pdf: Uint8Array; plan: Plan & { halves: FlipBookHalves } }> {
  const { first, second, ...planOptions } = options;
  const [a, b] = await Promise.all([readPdf(first.pdf, first.name), readPdf(second.pdf, second.name)]);
  const plan = planFlipBook(a.pages.map((page) => page.size), b.pages.map((page) => page.size), planOptions);
  try {
    return { pdf: await writeImposed(a, plan, [b]), plan };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`${first.name} or ${second.name} is damaged or unreadable: ${reason}`, { cause: error });
  }
}
