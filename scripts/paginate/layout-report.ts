import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

/**
 * What the layout in the browser reports back, checked where it crosses into
 * Node: the renderer, the PDF writer and the checks before printing rely on it.
 */
export const LayoutReportSchema = v.object({
  /** Letters of text (white space aside) in the document, and where the printed pages show them. */
  sourceLetters: count,
  printedLetters: count,
  /** Pages with text set off the page, and the first words of it. */
  lost: v.array(v.object({ page: count, text: v.string() })),
  /** Pages whose footnotes are taller than their area, so that their last lines are cut off. */
  clippedNotes: v.array(count),
  /** Footnotes that begin on another page than their call. */
  notesAway: v.array(v.object({ note: v.string(), notePage: count, callPage: count })),
  /** Parts of notes continued from an earlier page (a note on three pages counts 2). */
  notesContinued: count,
  /** Pages of running text that end more than 2 lines short, and why. */
  shortPages: v.array(
    v.object({
      page: count,
      lines: count,
      reason: v.picklist(['before a heading', 'end of the text', 'before a figure or table', 'a line kept with its note', 'unexplained']),
    }),
  ),
  /** Lines of a paragraph alone at the top or foot of a page. */
  loneLines: v.array(v.object({ page: count, where: v.picklist(['top', 'foot']) })),
  pageCount: count,
  /** How many "notes" filler pages were kept before the card (0 to 3). */
  notesPages: count,
  /** The page the tear-out card starts on (0 when the document has none). */
  cardPage: count,
  /** How many pages the card took: it must be exactly one. */
  cardPages: count,
  headings: v.array(v.object({ id: v.string(), level: count, text: v.string(), page: count })),
});

export type LayoutReport = v.InferOutput<typeof LayoutReportSchema>;

/** The report as Node may use it, or an error saying what in it is wrong. */
export function parseLayoutReport(value: unknown): LayoutReport {
  const result = v.safeParse(LayoutReportSchema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.') ?? '';
  throw new Error(`the layout report from the browser is malformed at "${path}": ${issue.message}`);
}
