import { frame, NOTES_HEIGHT } from './carry-notes.ts';
import { carriedHeight, linesKept, linesThatFit, type PageLine } from './note-split.ts';
import { leastShort, withOneLineHeads, type Fitting, type ShortOptions } from './short-page.ts';
import { firstOffPage, moveOver } from './keep-text.ts';
import { sourceOf } from './text-origins.ts';
import { firstLetterFrom, pageLines } from './page-lines.ts';
import { restoreNotes } from './restore-notes.ts';
import { linesLeft, splitBlock, type SplitBlock } from './split-rest.ts';
import type { BreakToken, Chunker, PagedPage } from './paged.ts';

/** The parts of a laid-out page that fitting its notes works on. */
export interface NotesParts {
  /** The page box that holds the text column and, below it, the notes area. */
  pageArea: HTMLElement;
  content: HTMLElement;
  notesArea: HTMLElement;
  notes: HTMLElement;
  inner: HTMLElement;
}

export function notesParts(pageElement: HTMLElement): NotesParts | undefined {
  const pageArea = pageElement.querySelector<HTMLElement>('.pagedjs_area');
  const content = pageArea?.querySelector<HTMLElement>('.pagedjs_page_content');
  const notesArea = pageArea?.querySelector<HTMLElement>('.pagedjs_footnote_area');
  const notes = notesArea?.querySelector<HTMLElement>('.pagedjs_footnote_content');
  const inner = notes?.querySelector<HTMLElement>('.pagedjs_footnote_inner_content');
  if (!pageArea || !content || !notesArea || !notes || !inner) return undefined;
  return { pageArea, content, notesArea, notes, inner };
}

/**
 * The foot of what is set in the page's column: its lines of text (each to
 * the foot of its line box, half the leading below its letters' boxes: a
 * column cut at the letters' foot would send the line over) and its images,
 * rules, tables.
 */
function textBottom(content: HTMLElement, top: number): number {
  const edge = content.getBoundingClientRect().right - 1;
  const range = document.createRange();
  let bottom = top;
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((rect) => rect.height > 0 && rect.left < edge);
    if (rects.length === 0 || !node.parentElement) continue;
    const lineHeight = Number.parseFloat(getComputedStyle(node.parentElement).lineHeight) || 0;
    for (const rect of rects) bottom = Math.max(bottom, rect.bottom + Math.max(0, (lineHeight - rect.height) / 2));
  }
  for (const element of content.querySelectorAll('img, svg, hr, table, video, canvas')) {
    const rect = element.getBoundingClientRect();
    if (rect.height > 0 && rect.left < edge) bottom = Math.max(bottom, rect.bottom);
  }
  return bottom;
}

/**
 * The class of a page whose notes are set a little tighter (footnotes.css),
 * where that keeps a line with its note and the page full.
 */
const TIGHT = 'notes-tight';

/** The height of a line of the page's body text. */
function bodyLineHeight(content: HTMLElement): number {
  const paragraph = content.querySelector('p') ?? content;
  return Number.parseFloat(getComputedStyle(paragraph).lineHeight) || 0;
}

const setNotesHeight = (parts: NotesParts, height: number): void =>
  parts.pageArea.style.setProperty(NOTES_HEIGHT, `${Math.max(0, height)}px`);

/**
 * Fits the page's text to its notes, once Paged.js has laid it out. Paged.js
 * sizes the notes area while it sets the text, so notes of lines that later
 * went to the next page still take room, and notes that grew push lines off
 * the page. Here the text column is given the whole page, its lines measured
 * with the notes each calls, and the text cut after the last line whose notes
 * all begin on the page (`linesThatFit`), keeping paragraphs' lines together
 * (`linesKept`). The notes area then takes the rest of the page; notes that
 * run past its foot are cut there by the caller. Returns whether lines went
 * over to keep a note with its call.
 */
export function fitPage(parts: NotesParts, page: PagedPage, breakToken: BreakToken | undefined, chunker: Chunker): boolean {
  const pageBox = parts.pageArea.getBoundingClientRect();
  // Measured before the notes area is emptied: its margins, rule and padding,
  // and the height of the notes continued from the page before.
  const innerTop = parts.inner.getBoundingClientRect().top;
  const notesFrame = innerTop - parts.notesArea.getBoundingClientRect().top;
  const carriedParts = [...parts.inner.querySelectorAll('[data-split-from]')];
  const carriedEnd = carriedParts.reduce((end, part) => Math.max(end, part.getBoundingClientRect().bottom), innerTop);
  const carried = carriedHeight(carriedEnd - innerTop, pageBox.height);
  setNotesHeight(parts, 0);
  restoreNotes(parts.content, parts.inner, chunker.source);
  parts.notes.classList.toggle('pagedjs_footnote_empty', parts.inner.childElementCount === 0);
  const split = splitBlock(parts.content, breakToken);
  const rest = breakToken && split ? linesLeft(split, breakToken) : 0;
  const measure = (): PageLine[] => pageLines(parts.content, parts.inner, (block) => rest > 0 && block === split?.block);
  // The space above the rule may shrink to a quarter for a line to keep its notes (from the stylesheet's, when the page is fitted again).
  parts.notes.style.marginTop = '';
  const margin = Number.parseFloat(getComputedStyle(parts.notes).marginTop) || 0;
  const options: ShortOptions = { foot: pageBox.bottom, frame: notesFrame - (margin * 3) / 4, carried, lineHeight: bodyLineHeight(parts.content) };
  const fitting = (lines: readonly PageLine[], tight = false): Fitting & { tight: boolean } => ({
    lines,
    kept: keptLines(parts.content, lines, linesKept(lines, linesThatFit(lines, options), rest), split, rest),
    tight,
  });
  function* fittings() {
    const lines = measure();
    yield fitting(lines);
    yield fitting(withOneLineHeads(lines));
    parts.pageArea.classList.add(TIGHT);
    yield fitting(withOneLineHeads(measure()), true);
  }
  const chosen = leastShort(fittings(), options) ?? fitting(measure());
  parts.pageArea.classList.toggle(TIGHT, chosen.tight);
  const { lines, kept } = chosen;
  const last = lines[kept - 1];
  const start = breakToken && last && kept < lines.length ? firstLetterFrom(parts.content, last.bottom) : undefined;
  const moved = breakToken !== undefined && start !== undefined && moveOver(start, page, breakToken);
  const room = Math.floor(pageBox.bottom - textBottom(parts.content, pageBox.top));
  let wanted = parts.inner.childElementCount > 0 ? parts.notes.scrollHeight + frame(parts.notes) : 0;
  const shrink = Math.min((margin * 3) / 4, Math.max(0, wanted - room));
  if (shrink > 0) {
    parts.notes.style.marginTop = `${margin - shrink}px`;
    wanted -= shrink;
  }
  // A line may stand taller than its letters (a note call raised above it): where it then
  // no longer fits above the notes, they give way, up to two lines of text.
  const least = Math.min(room, wanted) - 2 * options.lineHeight;
  for (let height = Math.min(room, wanted); height >= least; height -= 2) {
    setNotesHeight(parts, height);
    if (height <= 0 || !firstOffPage(parts.content)) break;
  }
  return moved;
}

/**
 * The lines kept once the text moved over is set again: where it and the
 * rest of its paragraph would make a single line on the next page (the lines
 * are filled anew there), one line more goes over with it. `rest` is how
 * many lines the block's rest makes from the page's break: text that takes
 * two lines or more still does with more before it (were the whole on one
 * line, so would be its end), so only a rest of one line is set again.
 */
function keptLines(content: HTMLElement, lines: readonly PageLine[], kept: number, split: SplitBlock | undefined, rest: number): number {
  const last = lines[kept - 1];
  if (!split || !last || !lines[kept]?.continues || rest >= 2) return kept;
  const start = firstLetterFrom(content, last.bottom);
  const token = start && sourceOf(start.node, start.offset);
  if (!token || linesLeft(split, token) !== 1) return kept;
  return linesKept(lines.map((line) => ({ ...line, continues: false })), kept);
}
