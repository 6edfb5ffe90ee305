import { notesParts } from './fit-page.ts';
import { moveOver } from './keep-text.ts';
import { letterBox, sameLine } from './line-start.ts';
import type { BreakToken, HandlerClass, PagedGlobal, PagedPage } from './paged.ts';

/** A letter of the page: a text node and an offset in it. */
interface At {
  node: Text;
  offset: number;
}

/** The hyphen the layout shows after a word broken at the page's foot (keep-text.ts, break-at-line.ts; Paged.js's own is U+2011). */
const BREAK_HYPHEN = /\u00ad?[-\u2010\u2011]$/u;

/** Where a line may break before a word: after a space, or after a hyphen or a dash the word is written with. */
const BREAK_AFTER = /[\s\u200b\-\u2010\u2013\u2014/]/u;

/** The page's letters from `at` back to the column's first, last first. */
function* lettersBack(content: HTMLElement, at: At): Generator<At> {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  walker.currentNode = at.node;
  let node: Text | null = at.node;
  let offset = at.offset;
  while (node) {
    for (let index = offset - 1; index >= 0; index -= 1) yield { node, offset: index };
    node = walker.previousNode() as Text | null;
    offset = node?.data.length ?? 0;
  }
}

/** The last text of the page's column when it ends with the hyphen of a word broken there: that text node and where its hyphen begins. */
function brokenEnd(content: HTMLElement): At | undefined {
  const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  let last: Text | undefined;
  while (walker.nextNode()) if ((walker.currentNode as Text).data.trim() !== '') last = walker.currentNode as Text;
  const hyphen = last?.data.trimEnd().match(BREAK_HYPHEN);
  if (!last || !hyphen || !last.parentElement?.closest('.pagedjs_hyphen')) return undefined;
  return { node: last, offset: last.data.trimEnd().length - hyphen[0].length };
}

/**
 * Where the word broken at `end` (the soft hyphen that broke its line) begins,
 * when that is on the same line as its end and the line holds something
 * before it; otherwise undefined (a word begun on the line before, or alone on
 * its line, is left broken). `content` holds the text the word is in.
 */
export function wordStart(content: HTMLElement, end: At): At | undefined {
  const range = document.createRange();
  let tail: DOMRect | undefined;
  let start: At | undefined;
  let after: At | undefined;
  for (const at of lettersBack(content, end)) {
    const char = at.node.data[at.offset] ?? '';
    // The word's first letter: the one after the break, wherever that is in the page's text nodes.
    if (start === undefined && after !== undefined && BREAK_AFTER.test(char)) start = after;
    after = at;
    const box = letterBox(at.node, at.offset, range);
    if (box === undefined || /\s/u.test(char)) continue;
    tail ??= box;
    if (!sameLine(box, tail)) return undefined;
    // A letter of the line before the word: the line keeps it.
    if (start !== undefined) return start;
  }
  return undefined;
}

/**
 * No page's last line ends with a word broken by a hyphen (as CSS Text 4's
 * `hyphenate-limit-last: page` and a typesetter's "hyphenate across column"
 * turned off): the second part of the word overleaf is found by no reader's
 * search, which does not join text across a page. Where a page ends at a
 * soft hyphen that broke its last line, the whole word goes over to the next
 * page (moveOver, from the word's first letter): the page keeps its lines, the
 * last one without that word (justified as the rest of a split paragraph's
 * are), and the next page begins with the word whole. A word that began on
 * the line before, or stands alone on its line, is left broken: moving it
 * would take a line off the page.
 */
export function wholeLastWord(paged: PagedGlobal): HandlerClass {
  return class WholeLastWord extends paged.Handler {
    override afterPageLayout(pageElement: HTMLElement, page: PagedPage, breakToken: BreakToken | undefined): void {
      if (!breakToken) return;
      const content = notesParts(pageElement)?.content ?? page.area;
      const end = brokenEnd(content);
      const start = end && wordStart(content, end);
      if (!start || !moveOver(start, page, breakToken)) return;
      // The page no longer ends with a broken word, though it may end with a hyphen of its text ("self-"): none is counted as the layout's (report.ts).
      for (const element of content.querySelectorAll('.pagedjs_hyphen')) element.classList.remove('pagedjs_hyphen');
    }
  };
}
