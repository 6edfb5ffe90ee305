import { lineStart } from './line-start.ts';
import type { HandlerClass, PagedGlobal } from './paged.ts';

/** The text a page's overflow was split in, to end with a visible hyphen where that split is at a soft hyphen. */
let split: Text | undefined;

/** Ends `node`, the last text of a page, with a visible hyphen where it ends at a soft hyphen that broke its last line. */
export function showBreakHyphen(node: Text): void {
  if (!node.data.endsWith('\u00ad')) return;
  node.data += '-';
  node.parentElement?.classList.add('pagedjs_hyphen');
}

/**
 * Paged.js 0.4.3 splits a text at the page's foot at the first letter it finds
 * past the page by the letter's whole box (`textBreak`). The letter just after
 * a soft hyphen that broke the line seems to be still on the line before
 * (line-start.ts), so the split fell one letter into the next line's first
 * syllable: "chal-l-" on one page and "enge" on the next. Here the split is
 * moved back to where that line begins. Paged.js shows the hyphen of a split
 * at a soft hyphen only between ASCII letters; here after any letter.
 */
export function breakAtLine(paged: PagedGlobal): HandlerClass {
  return class BreakAtLine extends paged.Handler {
    override onOverflow(overflow: Range | undefined, rendered: HTMLElement): Range | undefined {
      split = undefined;
      const node = overflow?.startContainer;
      if (!overflow || !(node instanceof Text) || overflow.startOffset === 0) return undefined;
      split = node;
      const start = lineStart(node, overflow.startOffset);
      if (start === overflow.startOffset || !rendered.lastChild) return undefined;
      const moved = document.createRange();
      moved.setStart(node, start);
      moved.setEndAfter(rendered.lastChild);
      return moved;
    }

    override afterOverflowRemoved(): void {
      if (split) showBreakHyphen(split);
      split = undefined;
    }
  };
}
