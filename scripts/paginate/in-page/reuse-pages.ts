import { notesCarriedOver } from './continue-notes.ts';
import type { BreakToken, PagedPage } from './paged.ts';
import { changedMarks, sourceNodes } from './source-diff.ts';

/** The last layout of a tab: the source it was made from, and its pages. */
export interface LastLayout {
  source: DocumentFragment;
  pages: readonly PagedPage[];
}

/** Old pages that follow a new one as they are, and where the layout goes on after them (none: it is done). */
export interface Resumed {
  pages: PagedPage[];
  next: BreakToken | undefined;
}

/** Which pages of the last layout a new version of the source can keep. */
export interface Reuse {
  /** How many of the last layout's first pages stay as they are. */
  keep: number;
  /** Where in the new source the layout goes on after them (none: from its start). */
  start: BreakToken | undefined;
  /** The new source is the old one: every page stays, nothing is laid out. */
  same: boolean;
  /**
   * The old pages that can follow the new page `index`, which ended at
   * `token`: none while the new pages are not back in step with the old.
   */
  resume(token: BreakToken, index: number): Resumed | undefined;
}

const continued = (page: PagedPage | undefined): boolean => page?.element.querySelector('.pagedjs_area.notes-continued') != null;
const calls = (page: PagedPage): number => page.element.querySelectorAll('[data-footnote-call]').length;

/** A break token like `token` at another node of the source. */
function moved(token: BreakToken, node: Node): BreakToken {
  return Object.assign(Object.create(Object.getPrototypeOf(token) as object) as BreakToken, token, { node });
}

/**
 * Plans the layout of `source`, a new version of the last layout's source.
 * The pages before the one where a changed block begins stay, less one page
 * (a changed block can move the break before it: a heading kept with its
 * next lines, a paragraph's first lines), and less any page that begins with
 * notes carried from the page before. Where only text changed (both versions
 * have the same nodes, named alike: stable-refs.ts), the layout goes on only
 * until a new page ends where an old one ended, with as many notes before it
 * and on the same side (left or right): the old pages up to the next change
 * follow as they are.
 */
export function planReuse(last: LastLayout, source: DocumentFragment): Reuse {
  const before = sourceNodes(last.source);
  const after = sourceNodes(source);
  const changed = changedMarks(before.marks, after.marks);
  const aligned = before.nodes.length === after.nodes.length;
  if (aligned && changed.length === 0) return { keep: last.pages.length, start: undefined, same: true, resume: () => undefined };

  /** The last page that stays before the change at node `index` of the old source, counted from `from`. */
  const stayBefore = (index: number, from: number): number => {
    const node = before.nodes[index];
    const ref = (node instanceof Element ? node : node?.parentElement)?.getAttribute('data-ref');
    const first = ref ? last.pages.findIndex((page, i) => i >= from && page.element.querySelector(`[data-ref="${CSS.escape(ref)}"]`)) : -1;
    let stay = Math.max(from, first - 1);
    while (stay > from && continued(last.pages[stay])) stay -= 1;
    return stay;
  };
  /** Where an old page begins, in the new source; nodes before the first change are the same in both. */
  const startOf = (page: PagedPage | undefined): BreakToken | undefined => {
    const token = page?.startToken;
    const at = token ? before.nodes.indexOf(token.node) : -1;
    const node = at >= 0 && (aligned || at < (changed[0] ?? 0)) ? after.nodes[at] : undefined;
    return token && node ? moved(token, node) : undefined;
  };

  let keep = stayBefore(changed[0] ?? Math.min(before.nodes.length, after.nodes.length), 0);
  let start = startOf(last.pages[keep]);
  if (!start) [keep, start] = [0, undefined];
  const plan: Reuse = { keep, start, same: false, resume: () => undefined };
  if (!aligned) return plan;

  const index = new Map(after.nodes.map((node, i) => [node, i]));
  plan.resume = (end, page) => {
    const i = index.get(end.node);
    if (i === undefined || changed.includes(i) || notesCarriedOver()) return undefined;
    const old = before.nodes[i];
    const m = last.pages.findIndex((one) => one.endToken?.node === old && one.endToken?.offset === end.offset);
    const next = last.pages[m + 1];
    const laid = window.PagedPolyfill.chunker.pages[page];
    if (m < 0 || m % 2 !== page % 2 || !next || !laid || continued(next)) return undefined;
    if (Number(next.element.dataset.callsBefore ?? 0) !== Number(laid.element.dataset.callsBefore ?? 0) + calls(laid)) return undefined;
    const change = changed.find((c) => c > i);
    if (change === undefined) return { pages: last.pages.slice(m + 1), next: undefined };
    const stay = stayBefore(change, m + 1);
    const from = startOf(last.pages[stay]);
    return stay > m + 1 && from ? { pages: last.pages.slice(m + 1, stay), next: from } : undefined;
  };
  return plan;
}
