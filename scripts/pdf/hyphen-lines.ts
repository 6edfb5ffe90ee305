/**
 * A line that ends in a hyphen, drawn in one text object with the next
 * line. Chromium draws the hyphen of a word broken at a line's end in a
 * text object (BT … ET) of its own, and the next line in another. MuPDF
 * takes a line that starts a new text object at another indent than the
 * line before for a new paragraph, and joins a hyphenated word back only
 * within a paragraph: the second line of every paragraph (the first one is
 * indented) lost its first word to search. So the hyphen's ET and the next
 * line's BT go; the next line sets its own matrix (Tm), so nothing moves.
 */
import { codesOf, type Edit, type Operation } from './content-stream.ts';
import { walkStream, type Advances } from './stream-walker.ts';

/** What it needs of a font: what a code reads as, and its advance. */
export interface ReadsAs extends Advances {
  map: ReadonlyMap<number, string>;
}

const HYPHENS = new Set(['-', '\u2010']);
const STATE = new Set(['Tf', 'Tm', 'Td']);
const SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const PLACING = new Set(['Td', 'TD', 'T*']);

/** Whether the text object opening at `at` sets its matrix (Tm) before it places or shows anything. */
function setsItsMatrix(ops: Operation[], at: number): boolean {
  for (let index = at + 1; index < ops.length; index += 1) {
    const { operator } = ops[index] as Operation;
    if (operator === 'Tm') return true;
    if (PLACING.has(operator) || SHOWING.has(operator) || operator === 'ET') return false;
  }
  return false;
}

/** The stream's operations with each line-end hyphen's ET and the next BT taken out, and those edits; undefined when it has none. */
export function joinHyphenLines(ops: Operation[], fontOf: (name: string) => ReadsAs | undefined): { ops: Operation[]; edits: Edit[] } | undefined {
  const dropped = new Set<number>();
  // The text object open, while it shows nothing but one hyphen; and the ET of the last one that did.
  let hyphen: { shown: boolean } | undefined;
  let hyphenEnd = -1;
  walkStream(ops, fontOf, (op, index, walk) => {
    if (op.operator === 'BT') {
      if (hyphenEnd !== -1 && hyphenEnd === index - 1 && setsItsMatrix(ops, index)) dropped.add(hyphenEnd).add(index);
      hyphen = { shown: false };
    } else if (op.operator === 'ET') {
      if (hyphen?.shown) hyphenEnd = index;
      hyphen = undefined;
    } else if (hyphen && op.operator === 'Tj' && !hyphen.shown) {
      const codes = codesOf(op.operands[0] ?? '');
      const [code] = codes;
      if (codes.length === 1 && code !== undefined && HYPHENS.has(walk.text.font?.map.get(code) ?? '')) hyphen.shown = true;
      else hyphen = undefined;
    } else if (!STATE.has(op.operator)) hyphen = undefined;
  });
  if (dropped.size === 0) return undefined;
  const edits = [...dropped].map((index) => ({ start: (ops[index] as Operation).start, end: (ops[index] as Operation).end, text: '' }));
  return { ops: ops.filter((_, index) => !dropped.has(index)), edits };
}
