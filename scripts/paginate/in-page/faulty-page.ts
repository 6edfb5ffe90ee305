import type { LayoutReport } from '../layout-report.ts';
import { countable, NOT_COUNTED } from './letters.ts';
import type { BreakToken, PagedPage } from './paged.ts';

/** Letters of the source before each of its text nodes, and in all. */
export function letterIndex(source: Node): { before: Map<Text, number>; total: number } {
  const before = new Map<Text, number>();
  let total = 0;
  const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode as Text;
    before.set(node, total);
    if (!node.parentElement?.closest(NOT_COUNTED)) total += countable(node.data).length;
  }
  return { before, total };
}

/** Letters of the source before a break token: before its letter in a text, else before the first text at or after its node. */
export function lettersBefore(token: BreakToken | undefined, source: Node, index: ReturnType<typeof letterIndex>): number {
  if (!token) return index.total;
  const { node, offset } = token;
  if (node instanceof Text) return (index.before.get(node) ?? 0) + countable(node.data.slice(0, offset)).length;
  const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  walker.currentNode = node;
  const next = node.firstChild === null ? walker.nextNode() : (document.createTreeWalker(node, NodeFilter.SHOW_TEXT).nextNode() ?? walker.nextNode());
  return next instanceof Text ? (index.before.get(next) ?? index.total) : index.total;
}

/** The block of the source a break token is in (or before which it stands). */
function blockOf(token: BreakToken | undefined): HTMLElement | undefined {
  const node = token?.node;
  return (node instanceof Element ? node : node?.parentElement)?.closest<HTMLElement>('[data-source]') ?? undefined;
}

/**
 * Where a layout that prints letters twice or loses some went wrong: the
 * first page whose pages so far print more letters than the source holds up
 * to its end (`printed`: its letters less the hyphens of words broken at its
 * foot; two letters of slack), set twice; or the first from
 * which every page so far prints fewer by all that is lost (lost: a note
 * carried over only lags a page). With the block the page's break is in, or
 * the one that begins the next page: the place a page may break before;
 * the letters of the source before the page begins (`from`: how the repair
 * finds the page again, earlier-break.ts), and whether the page begins in
 * that block.
 */
export function faultyPage(pages: readonly PagedPage[], source: Node, printed: readonly number[]): LayoutReport['faultyPage'] {
  const index = letterIndex(source);
  let sum = 0;
  const excess = pages.map((page, at) => {
    sum += printed[at] ?? 0;
    return sum - lettersBefore(page.endToken, source, index);
  });
  const last = excess.at(-1) ?? 0;
  let at = excess.findIndex((value) => value > 2);
  if (at === -1 && last < 0) {
    // The first page from which the deficit never shrinks below what is lost in the end.
    at = excess.length - 1;
    while (at > 0 && (excess[at - 1] ?? 0) <= last) at -= 1;
  }
  const page = pages[at];
  if (page === undefined) return undefined;
  const block = blockOf(page.endToken);
  // The page begins in that block (at its head or continuing it): a break before it changes nothing there.
  const beginsPage = block !== undefined && blockOf(page.startToken) === block;
  return {
    page: at + 1,
    kind: last < 0 ? 'lost' : 'twice',
    from: page.startToken === undefined ? 0 : lettersBefore(page.startToken, source, index),
    beginsPage,
    ...(block?.dataset.source === undefined ? {} : { breakBefore: block.dataset.source }),
  };
}
