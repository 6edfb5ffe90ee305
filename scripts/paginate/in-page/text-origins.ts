import type { BreakToken, HandlerClass, Layout, PagedGlobal } from './paged.ts';

/** Where a text node set on a page comes from: its source text node, and the source offset of its first letter. */
interface Origin {
  node: Text;
  base: number;
}

/** Every text node Paged.js has set on a page, by the node itself. */
const origins = new WeakMap<Text, Origin>();

/**
 * Where a letter set on a page is in the source: the source text node the
 * page's text node was cloned from, and the offset in it. Known by position,
 * from when the node was set, never by looking for its text: a paragraph that
 * repeats itself holds the same text in many places.
 */
export function sourceOf(rendered: Text, offset: number): { node: Text; offset: number } | undefined {
  const origin = origins.get(rendered);
  return origin && { node: origin.node, offset: origin.base + offset };
}

/** Records the text nodes of `clone`, a copy of `source` as it was just set on a page. */
function record(clone: Node, source: Node): void {
  if (clone instanceof Text && source instanceof Text) {
    // A text node continued from the page before is set as the tail of its source.
    if (source.data.endsWith(clone.data)) origins.set(clone, { node: source, base: source.data.length - clone.data.length });
    return;
  }
  // An element copied whole: its text nodes are copies of the source's, in the
  // same order, but for the notes Paged.js has already taken out of it.
  const copies = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  const sources = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
  while (copies.nextNode()) {
    const copy = copies.currentNode as Text;
    let found = sources.nextNode() as Text | null;
    while (found && found.data !== copy.data) found = sources.nextNode() as Text | null;
    if (!found) return;
    origins.set(copy, { node: found, base: 0 });
  }
}

type Patched = Layout & { createBreakTokenByText?: Layout['createBreakToken'] };

/**
 * Paged.js 0.4.3 finds where a page's overflow starts in the source by
 * looking for the rendered text in its source node (`indexOf`), so in a
 * paragraph that says the same thing twice a page may go on from the first
 * place instead of the right one, setting text twice or ending the layout.
 * Its break token is set again here from the position the text was cloned at.
 */
function breakByPosition(layout: Layout): void {
  const proto = Object.getPrototypeOf(layout) as Patched;
  if (proto.createBreakTokenByText) return;
  const byText = proto.createBreakToken;
  proto.createBreakTokenByText = byText;
  proto.createBreakToken = function (this: Layout, overflow, rendered, source): BreakToken | undefined {
    const token = byText.call(this, overflow, rendered, source);
    const at = token && overflowStart(overflow);
    if (token && at) {
      token.node = at.node;
      token.offset = at.offset;
    }
    return token;
  };
}

/**
 * The source position of a text overflow: in a text node, or at a text node
 * of an element. Paged.js names a text node that starts its element by the
 * element; that is kept.
 */
function overflowStart(overflow: Range): { node: Node; offset: number } | undefined {
  const { startContainer: container, startOffset: offset } = overflow;
  if (container instanceof Text) return sourceOf(container, offset);
  const child = container.childNodes[offset];
  const at = child instanceof Text ? sourceOf(child, 0) : undefined;
  if (!at || at.offset > 0) return at;
  const parent = at.node.parentNode;
  return parent && parent.firstChild === at.node ? { node: parent, offset: 0 } : at;
}

/** Keeps where every text node set on a page comes from (see sourceOf), and breaks pages by it. */
export function textOrigins(paged: PagedGlobal): HandlerClass {
  return class TextOrigins extends paged.Handler {
    renderNode(clone: Node, source: Node, layout: Layout): void {
      breakByPosition(layout);
      record(clone, source);
    }
  };
}
