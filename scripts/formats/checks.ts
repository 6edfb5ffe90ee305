/**
 * The checks a layout passes before it is printed: what a reader holding the
 * zine would notice, found in the layout report instead.
 */
import type { LayoutReport } from '../paginate/paginate.ts';
import { ContentError } from '../util/errors.ts';
import type { DocumentContext } from './context.ts';
import type { Layout } from './lay-out.ts';
import { longestWord } from './longest-word.ts';
import { explainLoss, TOO_LONG } from './lost-text.ts';

/**
 * Letters a layout prints beyond the source's: the hyphens of words broken
 * across pages, at most two a page. More means some text is set twice.
 */
export function lettersSetTwice(report: LayoutReport): number {
  return Math.max(0, report.printedLetters - report.sourceLetters - 2 * report.pageCount);
}

/**
 * A layout is whole when a reader would find all of it, once: every letter of
 * the source on a page (Paged.js can drop text it fails to break, such as a
 * paragraph several pages long: it runs off the page into a column nobody
 * prints) and none twice, and every footnote whole on the page of its call.
 */
export function isWhole(report: LayoutReport): boolean {
  return (
    report.printedLetters >= report.sourceLetters &&
    lettersSetTwice(report) === 0 &&
    report.clippedNotes.length === 0 &&
    report.notesAway.length === 0
  );
}

/**
 * Text lost for a cause the writer must change, which checkWhole names: a
 * block with something too long to break (lost-text.ts), or, where the
 * layout could not say where, a word longer than a line. Not a fault of the
 * layout: laying it out again would not mend it (lay-out.ts).
 */
export function lossExplained(context: DocumentContext, report: LayoutReport): boolean {
  if (report.printedLetters >= report.sourceLetters) return false;
  const block = report.lost[0]?.block;
  if (block?.source !== undefined) return explainLoss(block) !== explainLoss(undefined);
  const word = longestWord(context.markdown.tree, String(context.markdown.file.value));
  return word !== undefined && word.length > TOO_LONG.word && word.source !== undefined;
}

export function checkWhole(context: DocumentContext, { report, trim }: Layout): void {
  if (report.clippedNotes.length > 0) {
    throw new ContentError(
      `${context.source}: in the ${trim} layout the footnotes on page ${report.clippedNotes.join(', ')} ` +
        'do not fit below their calls and would be cut off: shorten them',
    );
  }
  const away = report.notesAway[0];
  if (away !== undefined) {
    throw new ContentError(
      `${context.source}: in the ${trim} layout the footnote "${away.note}…" is on page ${away.notePage}, ` +
        `its call on page ${away.callPage}: shorten the note or the paragraph around its call`,
    );
  }
  if (report.printedLetters >= report.sourceLetters) return;
  const lost = report.sourceLetters - report.printedLetters;
  const where = report.lost[0];
  const at = where === undefined ? '' : ` from page ${where.page}, at "${where.text}…"`;
  if (where?.block?.source === undefined) {
    // The layout could not say where: a word longer than a line is the usual cause, named at its place.
    const word = longestWord(context.markdown.tree, String(context.markdown.file.value));
    if (word !== undefined && word.length > TOO_LONG.word && word.source !== undefined) {
      throw new ContentError(
        `${context.source}:${word.source}: the ${trim} layout lost ${lost} of ${report.sourceLetters} letters${at}: ` +
          `a word of ${word.length.toLocaleString('en-US')} letters, longer than a line: break it with spaces or hyphens`,
      );
    }
  }
  const place = where?.block?.source === undefined ? '' : `:${where.block.source}`;
  throw new ContentError(
    `${context.source}${place}: the ${trim} layout lost ${lost} of ${report.sourceLetters} letters${at}: ` +
      explainLoss(where?.block),
  );
}

/**
 * No text is printed twice. Checked just before printing, after the checks a
 * writer can act on (a card too long for its page sets its text twice too).
 */
export function checkSetOnce(context: DocumentContext, { report, trim }: Layout): void {
  const twice = lettersSetTwice(report);
  if (twice === 0) return;
  // The layout was laid out again breaking before the block where it went wrong, or its page a line or two
  // earlier where the page begins in that block (lay-out.ts); it still does.
  const fault = report.faultyPage;
  const place = fault?.breakBefore === undefined ? '' : `:${fault.breakBefore}`;
  const how = fault?.beginsPage === true ? 'with that page ending a line or two earlier' : 'with a page break before this block';
  const where = fault === undefined ? '' : ` at page ${fault.page}${fault.breakBefore === undefined ? '' : `, even laid out again ${how}`}`;
  throw new ContentError(
    `${context.source}${place}: the ${trim} layout prints ${twice} letters more than the text holds and a hyphen or two a page ` +
      `(${report.printedLetters} letters on ${report.pageCount} pages, for ${report.sourceLetters}): some text is set twice${where}, a fault of the layout rather than of the text; ` +
      `splitting ${place === '' ? 'the longest' : 'this'} paragraph may avoid it`,
  );
}

/** The reading edition must fold: a card of one page, and a multiple of 4 pages. */
export function checkBackMatter(source: string, report: LayoutReport): void {
  if (report.cardPages > 1) {
    throw new ContentError(
      `${source}: the tear-out card takes ${report.cardPages} pages; it must fit on one: shorten the ::::tear-off text`,
    );
  }
  if (report.pageCount % 4 !== 0) {
    throw new ContentError(`${source}: the layout has ${report.pageCount} pages, not a multiple of 4`);
  }
}

/** Why a page of running text ends early, in the words of the build's table. */
const WHY_SHORT: Record<LayoutReport['shortPages'][number]['reason'], string> = {
  'before a heading': 'before a heading, which starts the next page',
  'end of the text': 'at the end of the text',
  'before a figure or table': 'before a picture or table too tall for the space left',
  'before a block kept whole': 'before a block kept whole',
  'a line kept with its note': 'to keep a line on the page of its note',
  unexplained: 'for no reason the layout could tell',
};

/**
 * For the build's closing table: how many pages of running text end more than
 * 2 lines early, and why, e.g. `2 pages end early: 1 before a heading, which
 * starts the next page; 1 to keep a line on the page of its note`. The text's
 * last page ends where the text does, which is nothing to report.
 */
export function shortPagesNote(report: LayoutReport): string | undefined {
  const early = report.shortPages.filter(({ reason }) => reason !== 'end of the text');
  if (early.length === 0) return undefined;
  const reasons = new Map<string, number>();
  for (const { reason } of early) reasons.set(WHY_SHORT[reason], (reasons.get(WHY_SHORT[reason]) ?? 0) + 1);
  const why = [...reasons].map(([reason, count]) => `${count} ${reason}`).join('; ');
  return `${early.length} ${early.length === 1 ? 'page ends' : 'pages end'} early: ${why}`;
}
