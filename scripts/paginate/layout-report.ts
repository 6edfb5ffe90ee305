import * as v from 'valibot';

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
/** How near one edge of a page its nearest text or image comes, in points, and that block's `line:column`. */
const inset = v.optional(v.object({ gap: v.number(), source: v.optional(v.pipe(v.string(), v.regex(/^\d+:\d+$/))) }));

/** The block where text was set off the page, and the measures of what in it may be too long to break. */
export const LostBlockSchema = v.object({
  /** `line:column` of the block in the markdown (data-source), when known. */
  source: v.optional(v.pipe(v.string(), v.regex(/^\d+:\d+$/))),
  /** What the block is: the cover's title, a code block, a table (or a cell of it), a list item, a heading, text. */
  kind: v.picklist(['title', 'code', 'table', 'list', 'heading', 'text']),
  /** Characters of the block, white space counted once. */
  characters: count,
  /** The longest word (no link), the longest link, the longest line of code, in characters. */
  longestWord: count,
  longestLink: count,
  longestCodeLine: count,
  /** Columns of the table the block is or is in (0 if none), lists it is in (0 if none). */
  columns: count,
  listDepth: count,
});

export type LostBlock = v.InferOutput<typeof LostBlockSchema>;

/**
 * What the layout in the browser reports back, checked where it crosses into
 * Node: the renderer, the PDF writer and the checks before printing rely on it.
 */
export const LayoutReportSchema = v.object({
  /** Letters of text (white space aside) in the document, and where the printed pages show them. */
  sourceLetters: count,
  printedLetters: count,
  /** Pages with text set off the page, the first words of it, and the block that holds them. */
  lost: v.array(v.object({ page: count, text: v.string(), block: v.optional(LostBlockSchema) })),
  /**
   * When text is set twice or lost: the first page where it went wrong, and
   * the block (`line:column`) its break is in, before which the page may break instead
   * (or, where the page begins in it, where the page may end a line or more earlier).
   */
  faultyPage: v.optional(
    v.object({
      page: count,
      kind: v.picklist(['twice', 'lost']),
      breakBefore: v.optional(v.pipe(v.string(), v.regex(/^\d+:\d+$/))),
      /** Letters of the source before the page begins: the page, found again in a new layout. */
      from: count,
      /** The page begins in that block (at its head or going on with it), so a break before it cannot mend the page. */
      beginsPage: v.boolean(),
    }),
  ),
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
      reason: v.picklist(['before a heading', 'end of the text', 'before a figure or table', 'before a block kept whole', 'a line kept with its note', 'unexplained']),
    }),
  ),
  /** Lines of a paragraph alone at the top or foot of a page. */
  loneLines: v.array(v.object({ page: count, where: v.picklist(['top', 'foot']) })),
  pageCount: count,
  /** Each page's text block (the page box less its margins), in points from the page's top left corner. */
  textBlocks: v.array(v.object({ page: count, left: v.number(), top: v.number(), right: v.number(), bottom: v.number() })),
  /**
   * How much of its pages the running text takes: `pages` that hold some,
   * `fill` the share of their text blocks above the room left at their foot,
   * summed, in pages (the notes at a page's foot count as filled), `images`
   * the share its images take, summed; its `lines`, and the blocks that `ends`
   * on them. What the mini zine's size search predicts other sizes from
   * (in-page/running-text.ts, formats/mini-predict.ts).
   */
  runningText: v.optional(v.object({ pages: count, fill: v.number(), images: v.number(), lines: count, ends: count })),
  /** How many "notes" filler pages were kept before the card (0 to 3). */
  notesPages: count,
  /** The page the tear-out card starts on (0 when the document has none). */
  cardPage: count,
  /** How many pages the card took: it must be exactly one. */
  cardPages: count,
  headings: v.array(v.object({ id: v.string(), level: count, text: v.string(), page: count })),
  /** What a photocopy would lose (see in-page/preflight.ts), with the block's `line:column` when known. */
  preflight: v.array(
    v.object({
      kind: v.picklist(['low-resolution', 'low-contrast', 'hairline']),
      page: count,
      source: v.optional(v.pipe(v.string(), v.regex(/^\d+:\d+$/))),
      detail: v.string(),
    }),
  ),
  /** With the preflight: how near each page's edges its text and images come (a side with neither is left out). */
  insets: v.array(
    v.object({
      page: count,
      sides: v.object({ top: inset, right: inset, bottom: inset, left: inset }),
    }),
  ),
  /** With the preflight: the SVG images, their `src` and the width (points) they print at. */
  vectorImages: v.array(v.object({ page: count, src: v.string(), width: v.number(), source: v.optional(v.pipe(v.string(), v.regex(/^\d+:\d+$/))) })),
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

/** The preflight's part of a report, taken after the layout (paginate.ts preflightOf). */
const PreflightPartSchema = v.pick(LayoutReportSchema, ['preflight', 'insets', 'vectorImages']);
export type PreflightPart = v.InferOutput<typeof PreflightPartSchema>;

export function parsePreflightPart(value: unknown): PreflightPart {
  return v.parse(PreflightPartSchema, value);
}
