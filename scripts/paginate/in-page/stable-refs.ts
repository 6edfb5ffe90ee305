import type { HandlerClass, PagedGlobal } from './paged.ts';

/**
 * Paged.js names every element of the source after a random UUID, which the
 * laid-out pages carry. Numbered in document order instead, two versions of
 * a document that differ only in their text name their elements alike, and
 * the pages of the last layout can be kept for the new one (reuse-pages.ts).
 * Registered last, so that it numbers what other handlers add before parsing.
 */
export function stableRefs(paged: PagedGlobal): HandlerClass {
  return class StableRefs extends paged.Handler {
    override beforeParsed(content: DocumentFragment): void {
      const walker = document.createTreeWalker(content, NodeFilter.SHOW_ELEMENT);
      let count = 0;
      while (walker.nextNode()) (walker.currentNode as Element).setAttribute('data-ref', `z${(count += 1)}`);
    }
  };
}
