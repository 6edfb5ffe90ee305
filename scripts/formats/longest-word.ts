/**
 * The longest word of a document and its place in the markdown: what a
 * layout that lost text without saying where (a word too long for the line
 * that ran off the card, a slogan, a line of code) is asked about, so that the
 * message still names a `line:column` and what to change.
 */
import type { Root, RootContent } from 'hast';
import { pointAt } from '../markdown/messages.ts';

export interface LongestWord {
  /** Its length in characters (soft hyphens aside). */
  length: number;
  /** `line:column` in the markdown, when it is found there. */
  source: string | undefined;
}

/** The soft hyphens the hyphenation put in: not the author's. */
const SOFT_HYPHENS = /\u00ad/g;

/**
 * The longest run of characters without white space in the document's text
 * (`tree`, which has soft hyphens put in), and where it is in `markdown`: where
 * the word stands as it is; else where its text node begins; else nowhere.
 */
export function longestWord(tree: Root, markdown: string): LongestWord | undefined {
  let best: { word: string; start: { line: number; column: number } | undefined } | undefined;
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'text') {
      for (const [found] of node.value.matchAll(/\S+/g)) {
        const word = found.replace(SOFT_HYPHENS, '');
        if (best === undefined || [...word].length > [...best.word].length) best = { word, start: node.position?.start };
      }
      return;
    }
    if (node.type === 'root' || node.type === 'element') for (const child of node.children) visit(child);
  };
  visit(tree);
  if (best === undefined) return undefined;
  const at = markdown.indexOf(best.word);
  const point = at === -1 ? best.start : pointAt(markdown, at);
  return { length: [...best.word].length, source: point === undefined ? undefined : `${point.line}:${point.column}` };
}
