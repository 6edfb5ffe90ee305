import type { BreakToken } from './paged.ts';
import { BLOCK } from './page-lines.ts';

/** A block of the page split at its foot: as laid out on the page, and in the source. */
export interface SplitBlock {
  block: Element;
  original: Element;
}

/** The block of the page that goes on on the next page, where `breakToken` is inside it. */
export function splitBlock(content: HTMLElement, breakToken: BreakToken | undefined): SplitBlock | undefined {
  const start = breakToken?.node;
  const original = (start instanceof Element ? start : start?.parentElement)?.closest(BLOCK);
  const ref = original?.getAttribute('data-ref');
  const block = ref ? [...content.querySelectorAll(`[data-ref="${CSS.escape(ref)}"]`)].at(-1) : undefined;
  return original && block ? { block, original } : undefined;
}

/**
 * Blocks of a page whose rest made two lines or more. A page's break only
 * moves back (keep-text.ts moveOver), so a later count for the same block
 * starts earlier in it: text that takes two lines or more still does with
 * more before it (were the whole on one line, so would be its end).
 */
const twoOrMore = new WeakSet<Element>();

/**
 * How many lines the rest of the block split at the foot would take at the
 * top of the next page: the rest of its source text, notes left out, set in
 * a copy of the block under it for a moment. Its callers tell 0, 1 and more
 * apart: once a block's rest made two lines or more, 2 is the answer for it
 * from then on, without a copy set again (a forced layout of the page, and
 * another for whatever reads the page next).
 */
export function linesLeft(split: SplitBlock, breakToken: { node: Node; offset: number }): number {
  if (twoOrMore.has(split.block)) return 2;
  const range = document.createRange();
  if (breakToken.node instanceof Text) range.setStart(breakToken.node, breakToken.offset);
  else range.setStartBefore(breakToken.node);
  range.setEnd(split.original, split.original.childNodes.length);
  const rest = range.cloneContents();
  for (const note of rest.querySelectorAll('[data-note="footnote"], .footnote')) note.remove();
  const probe = split.block.cloneNode(false) as HTMLElement;
  probe.removeAttribute('id');
  probe.setAttribute('data-split-from', split.block.getAttribute('data-ref') ?? '');
  probe.append(rest);
  split.block.after(probe);
  range.selectNodeContents(probe);
  const tops = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
  probe.remove();
  if (tops.size >= 2) twoOrMore.add(split.block);
  return tops.size;
}

