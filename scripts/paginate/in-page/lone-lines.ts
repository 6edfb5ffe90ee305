import { notesParts } from './fit-page.ts';
import { moveOver } from './keep-text.ts';
import { linesKept } from './note-split.ts';
import { firstLetterFrom, pageLines } from './page-lines.ts';
import { linesLeft, splitBlock } from './split-rest.ts';
import type { BreakToken, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/**
 * No paragraph leaves one line alone at the foot of a page, nor sends one
 * alone to the top of the next, in any script. Chromium keeps `widows` and
 * `orphans` while it sets the page's column, but gives them up rather than
 * part a heading from its paragraph, and Paged.js then breaks where Chromium
 * did: "Article 4" and two lines at the foot, "in all their forms." alone
 * overleaf. Here the page's lines are measured once it is laid out and the
 * text moved over from where a reader would have it break (`linesKept`:
 * a line more, or the whole paragraph with the heading above it). Pages
 * with notes are fitted so with their notes (fit-page.ts).
 */
export function keepLoneLines(paged: PagedGlobal): HandlerClass {
  return class KeepLoneLines extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined): void {
      if (!breakToken) return;
      const parts = notesParts(pageElement);
      if (!parts || parts.inner.childElementCount > 0 || parts.content.querySelector('[data-footnote-call]')) return;
      const split = splitBlock(parts.content, breakToken);
      if (!split) return;
      const rest = linesLeft(split, breakToken);
      const lines = pageLines(parts.content, parts.inner, (block) => rest > 0 && block === split.block);
      const kept = linesKept(lines, lines.length, rest);
      const last = lines[kept - 1];
      if (!last || kept >= lines.length) return;
      const start = firstLetterFrom(parts.content, last.bottom);
      if (start) moveOver(start, page, breakToken);
    }
  };
}
