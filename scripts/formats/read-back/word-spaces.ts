/**
 * Word spaces as a reader sees them on the printed page: on each line that
 * fills its page's text block from edge to edge (a justified line; the last
 * line of a paragraph, a heading, a ragged line falls short), the gaps
 * between one word's box and the next, in points. A justified line with a
 * space wider than the type (HOLE: 1 em of the body type, three and more
 * times a word space) is a hole a reader's eye falls into; the build warns of
 * it (read-back.ts), naming the paragraph and the page. docs/justification.md
 * has the measurements the bounds come from.
 */
import type { Box } from './drawn-images.ts';
import type { PlacedLine } from './place-lines.ts';
import type { PrintedLine, PrintedPage, WordBox } from './printed-text.ts';
import type { Stream } from './source-text.ts';

/** A loose line's word space, in ems of the body type: a language whose justified lines open one too often is set ragged (markdown/justification.ts). */
export const WIDE_SPACE = 0.75;
/** The widest word space, in ems of the body type, a justified line may open before the build warns. */
export const HOLE = 1;

/** Points a justified line's ends may fall short of its text block's edges (poppler's boxes, a line-end hyphen's side bearing). */
const EDGE = 1.5;

/** The gaps between a line's words, left to right, in points (words drawn over each other or touching: none). */
export function wordGaps(line: PrintedLine): number[] {
  const words = [...line.words].sort((a, b) => a.xMin - b.xMin);
  const gaps: number[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const gap = (words[index] as WordBox).xMin - (words[index - 1] as WordBox).xMax;
    if (gap > 0.05) gaps.push(gap);
  }
  return gaps;
}

/** A page's text block, from its lines when the layout gave none: from the leftmost line start to the rightmost line end of lines with three words or more. */
export function blockOfLines(lines: readonly PrintedLine[]): { left: number; right: number } | undefined {
  const long = lines.filter((line) => line.words.length >= 3);
  if (long.length === 0) return undefined;
  return { left: Math.min(...long.map((line) => line.xMin)), right: Math.max(...long.map((line) => line.xMax)) };
}

/** Whether a line fills the block from edge to edge but for a paragraph's indent (`indent` points at either end). */
export function fillsBlock(line: PrintedLine, block: { left: number; right: number }, indent: number): boolean {
  const left = line.xMin - block.left;
  const right = block.right - line.xMax;
  return line.words.length >= 2 && left > -EDGE && right > -EDGE && left < EDGE + indent && right < EDGE + indent && Math.min(left, right) < EDGE;
}

export interface JustifiedLine {
  page: number;
  line: PrintedLine;
  gaps: number[];
}

/**
 * The lines of each page that fill its text block, with their gaps. `blocks`
 * are the layout's text blocks (pages without one: found from the lines);
 * `em` is the body type's size in points (the paragraph indent is 1.2 em).
 */
export function justifiedLines(pages: readonly PrintedPage[], em: number, blocks: readonly (Box & { page: number })[] = []): JustifiedLine[] {
  const found: JustifiedLine[] = [];
  for (const page of pages) {
    const box = blocks.find((block) => block.page === page.number);
    const block = box === undefined ? blockOfLines(page.lines) : { left: box.left, right: box.right };
    if (block === undefined) continue;
    for (const line of page.lines) if (fillsBlock(line, block, 1.2 * em)) found.push({ page: page.number, line, gaps: wordGaps(line) });
  }
  return found;
}

export interface WideSpace {
  page: number;
  place: string;
  reason: string;
}

/** The justified body lines whose widest gap is over `bound` ems: one warning per paragraph and page, naming the widest. */
export function wideSpaces(justified: readonly JustifiedLine[], placed: readonly PlacedLine[], body: Stream, em: number, bound = HOLE): WideSpace[] {
  const widest = new Map<string, { page: number; place: string; gap: number; text: string }>();
  for (const { page, line, gaps } of justified) {
    const gap = Math.max(0, ...gaps);
    if (gap <= bound * em) continue;
    const at = placed.find((candidate) => candidate.line === line && candidate.stream === 'body');
    if (at === undefined) continue;
    const run = body.runs.find((candidate) => candidate.start <= at.start && at.end <= candidate.end);
    if (run === undefined) continue;
    const key = `${page} ${run.place}`;
    if ((widest.get(key)?.gap ?? 0) < gap) widest.set(key, { page, place: run.place, gap, text: line.text });
  }
  return [...widest.values()].map(({ page, place, gap, text }) => ({
    page,
    place,
    reason: `a justified line opens a word space of ${gap.toFixed(1)} pt, ${(gap / em).toFixed(2)} em, wider than ${bound === 1 ? 'the type' : `${bound} em`} ("${text}"): a stylesheet of your own can set the text ragged (.essay { text-align: start })`,
  }));
}
