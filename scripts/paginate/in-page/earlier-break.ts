import { letterIndex, lettersBefore } from './faulty-page.ts';
import { notesParts } from './fit-page.ts';
import { moveOver } from './keep-text.ts';
import { linesKept } from './note-split.ts';
import { firstLetterFrom, pageLines } from './page-lines.ts';
import { linesLeft, splitBlock } from './split-rest.ts';
import type { BreakToken, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** A page to end earlier than Paged.js breaks it: the one that begins `from` letters into the source, `lines` lines earlier. */
export interface EarlierBreak {
  from: number;
  lines: number;
}

/**
 * Ends the pages asked for a line or more earlier than Paged.js broke them:
 * the repair of a page where the layout set text twice or lost it inside a
 * block the page begins in, which a page break before that block cannot mend
 * (formats/lay-out.ts). The page is found by where it begins in the source,
 * which the pages before it, laid out as before, do not change. The page
 * ends at the start of a line (moveOver: the break token is set from that
 * letter, not from Paged.js's), keeping widows and orphans as every page
 * does (linesKept); a page with a single line has nothing to give and is
 * left as it is, for the checks to refuse.
 */
export function earlierBreaks(paged: PagedGlobal, wanted: readonly EarlierBreak[]): HandlerClass {
  let index: ReturnType<typeof letterIndex> | undefined;
  const source = (): Node | undefined => document.querySelector<HTMLTemplateElement>('template[data-ref="pagedjs-content"]')?.content;
  return class EarlierBreaks extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined): void {
      const content = source();
      if (!breakToken || wanted.length === 0 || !content) return;
      index ??= letterIndex(content);
      const from = page.startToken === undefined ? 0 : lettersBefore(page.startToken, content, index);
      const want = wanted.find((each) => each.from === from);
      const parts = notesParts(pageElement);
      if (!want || !parts) return;
      const split = splitBlock(parts.content, breakToken);
      const rest = split ? linesLeft(split, breakToken) : 0;
      const lines = pageLines(parts.content, parts.inner, (block) => rest > 0 && block === split?.block);
      const kept = linesKept(lines, Math.max(1, lines.length - want.lines), rest);
      const last = lines[kept - 1];
      if (!last || kept >= lines.length) return;
      const start = firstLetterFrom(parts.content, last.bottom);
      if (start) moveOver(start, page, breakToken);
    }
  };
}
