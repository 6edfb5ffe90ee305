/**
 * The programmatic entry point: PDF bytes in, imposed PDF bytes out. The zine
 * build and the `zine impose` command both come through here.
 */
import { ContentError } from '../util/errors.ts';
import { planImposition } from './plan.ts';
import type { ImposeOptions } from './plan.ts';
import { readPdf } from './read-pdf.ts';
import { writeImposed } from './write.ts';

export interface ImposePdfOptions extends ImposeOptions {
  /** The PDF to impose, pages in reading order. */
  pdf: Uint8Array;
  /** How error messages name the input. Default: 'the PDF'. */
  name?: string | undefined;
}

export async function imposePdf(options: ImposePdfOptions): Promise<Uint8Array> {
  const { pdf, name = 'the PDF', ...imposeOptions } = options;
  const source = await readPdf(pdf, name);
  const plan = planImposition(
    source.pages.map((p) => p.size),
    imposeOptions,
  );
  try {
    return await writeImposed(source, plan);
  } catch (error) {
    // Loading is lazy: a broken content stream or resource shows up only now.
    const reason = error instanceof Error ? error.message : String(error);
    throw new ContentError(`${name} is damaged or unreadable: ${reason}`, { cause: error });
  }
}
