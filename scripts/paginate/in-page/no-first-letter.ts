import type { HandlerClass, PagedGlobal } from './paged.ts';

/**
 * Paged.js 0.4.3's base stylesheet undoes a drop cap on a block continued
 * from the page before with a rule for `[data-split-from] > *::first-letter`
 * and `[data-split-from]::first-letter`. Its values are all `unset`, but a
 * rule that matches is enough for Chromium to make the pseudo-element: every
 * paragraph of every page after the first (the text's `<main>` is split) had
 * its first letter set apart from the rest. HarfBuzz still shapes that letter
 * with the next one, and a ligature across the two then carries the first
 * letter's text alone into the PDF: "fire" and "fight" at the head of a
 * paragraph or a page read "fre" and "fght" in every PDF reader.
 *
 * The project's styles give no letter a style of its own (no `::first-letter`
 * anywhere in styles/), so the rule has nothing to undo: it is taken out of
 * the base stylesheet before the first page is laid out.
 */
export function dropFirstLetterRules(sheet: CSSStyleSheet | null | undefined): number {
  if (!sheet) return 0;
  let dropped = 0;
  for (let i = sheet.cssRules.length - 1; i >= 0; i -= 1) {
    const rule = sheet.cssRules[i];
    if (rule instanceof CSSStyleRule && rule.selectorText.includes('::first-letter')) {
      sheet.deleteRule(i);
      dropped += 1;
    }
  }
  return dropped;
}

/** The Polisher's part a handler sees: the base stylesheet it inserted (Paged.js 0.4.3's `polisher.base`). */
interface Polisher {
  base?: HTMLStyleElement;
}

/** A handler that takes the first-letter rules out of Paged.js's base stylesheet as the layout sets up (after `polisher.setup()`). */
export function noFirstLetter(paged: PagedGlobal): HandlerClass {
  return class NoFirstLetter extends paged.Handler {
    constructor(...args: ConstructorParameters<HandlerClass>) {
      super(...args);
      dropFirstLetterRules((args[1] as Polisher | undefined)?.base?.sheet);
    }
  };
}
