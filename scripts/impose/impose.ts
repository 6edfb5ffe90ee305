/**
 * The programmatic entry point: PDF bytes in, imposed PDF bytes out. The zine
 * build and the `zine impose` command both come through here.
 */
import { ContentError } from '../util/errors.ts';
import { planImposition } from './plan.ts';
import type { ImposeOptions, Plan } from './plan.ts';
import { readPdf } from './read-pdf.ts';
import { writeImposed } from './write.ts';

export interface ImposePdfOptions extends ImposeOptions {
  /** The PDF to impose, pages in reading order. */
  pdf: Uint8Array;
  /** How error messages name the input. Default: 'the PDF'. */
  name?: string | undefined;
}

export async function imposePdf(options: ImposePdfOptions): Promise<Uint8Array> {
  return (await imposePdfWithPlan(options)).pdf;
}

/** The imposed PDF and the plan it follows (where every page landed, for the checks after). */
export async function imposePdfWithPlan(options: ImposePdfOptions): Promise<{ pdf: Uint8Array; plan: Plan }> {
  const { pdf, name = 'the PDF', ...imposeOptions } = options;
  const source = await readPdf(pdf, name);
  const plan = planImposition(
    source.pages.map((p) => p.size),
    imposeOptions,
  );
  try {
    return { pdf: await writeImposed(source, plan), plan };
  } catch (error) {
    // Loading is lazy: a broken content stream or resource shows up only now.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`${name} is damaged or unreadable: ${reason}`, { cause: error });
  }
}
