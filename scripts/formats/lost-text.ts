/**
 * Why text was set off the page, said as a writer can act on it: what in the
 * block is too long (a word of N letters, a link of N characters, a line of
 * code, a table N columns wide, a list N levels deep, a title…) and what to do.
 */
import type { LostBlock } from '../paginate/layout-report.ts';

/** Beyond these, a thing is named as what is too long in its block. */
export const TOO_LONG = {
  title: 180,
  codeLine: 60,
  columns: 6,
  listDepth: 6,
  link: 60,
  word: 30,
  block: 4_000,
} as const;

const n = (count: number) => count.toLocaleString('en-US');

/** What is too long in `block`, and the advice, e.g. `a word of 1,500 letters: break it with spaces or hyphens`. */
export function explainLoss(block: LostBlock | undefined): string {
  const generic =
    'something there cannot be broken across lines or pages (a very long word or line of code, a wide table, ' +
    'a block kept whole that is taller than a page): shorten or split it';
  if (block === undefined) return generic;
  if (block.kind === 'title' && block.characters > TOO_LONG.title) {
    return `a title of ${n(block.characters)} characters, more than the cover holds: shorten it (put the rest in \`subtitle\` or the text)`;
  }
  if (block.longestCodeLine > TOO_LONG.codeLine) {
    return `a line of code of ${n(block.longestCodeLine)} characters: break it into shorter lines`;
  }
  if (block.columns > TOO_LONG.columns) {
    return `a table ${n(block.columns)} columns wide: split it into narrower tables or put fewer columns side by side`;
  }
  if (block.listDepth > TOO_LONG.listDepth) {
    return `a list ${n(block.listDepth)} levels deep: flatten it into fewer levels`;
  }
  if (block.longestLink > TOO_LONG.link) {
    return `a link of ${n(block.longestLink)} characters: give it a short text, [text](address), or shorten the address`;
  }
  if (block.longestWord > TOO_LONG.word) {
    return `a word of ${n(block.longestWord)} letters: break it with spaces or hyphens`;
  }
  if (block.characters > TOO_LONG.block) {
    const what = block.kind === 'title' ? 'a title' : block.kind === 'list' ? 'a list item' : `a ${block.kind === 'text' ? 'paragraph' : block.kind}`;
    return `${what} of ${n(block.characters)} characters: split it into shorter ones`;
  }
  return generic;
}
