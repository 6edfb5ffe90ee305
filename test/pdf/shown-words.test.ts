/**
 * A show operation's first and last word, read from its ends: the same as
 * reading its whole text and splitting it at whitespace and word spaces.
 */
import { describe, expect, it } from 'vitest';
import { codesOf } from '../../scripts/pdf/content-stream.ts';
import { lastCodeOf, shownEnds } from '../../scripts/pdf/shown-words.ts';

const MAP = new Map<number, string>([
  [1, 'a'],
  [2, 'b'],
  [3, ' '],
  [4, 'ﬁ'],
  [5, '性'],
  [6, 'x y'],
  [7, '\u00A0'],
]);

/** The whole text read, then split: as the line-end pass read every line before. */
function wholeWords(operand: string): string[] {
  let text = '';
  for (const part of operand.match(/<[0-9A-Fa-f\s]*>|-?[\d.]+/g) ?? []) {
    if (part.startsWith('<')) text += codesOf(part).map((code) => MAP.get(code) ?? '').join('');
    else if (Number(part) < -150) text += ' ';
  }
  return text.split(/\s+/u);
}

/** A generator of numbers in [0, 1), the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** A TJ operand of random strings (codes 0–8, 8 and 0 reading as nothing) and moves. */
function randomOperand(random: () => number): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 6);
  for (let n = 0; n < count; n += 1) {
    if (random() < 0.3) parts.push(['-18.85', '-151', '-400', '120', '-150'][Math.floor(random() * 5)] as string);
    else parts.push(`<${Array.from({ length: Math.floor(random() * 5) }, () => Math.floor(random() * 9).toString(16).padStart(4, '0')).join('')}>`);
  }
  return `[${parts.join(' ')}]`;
}

describe('shownEnds', () => {
  it('reads the first and last word across strings and word spaces', () => {
    expect(shownEnds('[<0001> -18.85 <0002> -400 <00050001> <0004>]', MAP)).toEqual({ first: 'ab', last: '性aﬁ', several: true, drawsCode: true });
    expect(shownEnds('<000100030002>', MAP)).toEqual({ first: 'a', last: 'b', several: true, drawsCode: true });
    expect(shownEnds('<00010002>', MAP)).toEqual({ first: 'ab', last: 'ab', several: false, drawsCode: true });
  });

  it('gives what the whole text split gives, on random operands', () => {
    const random = seeded(25);
    for (let n = 0; n < 5000; n += 1) {
      const operand = randomOperand(random);
      const words = wholeWords(operand);
      const ends = shownEnds(operand, MAP);
      const codes = codesOf(operand.match(/<[0-9A-Fa-f\s]*>/g)?.join('') ?? '');
      expect(ends, operand).toEqual({ first: words[0], last: words[words.length - 1], several: words.length > 1, drawsCode: codes.length > 0 });
      expect(lastCodeOf(operand), operand).toBe(codes[codes.length - 1]);
    }
  });

  it('reads what the whole text split reads, in any text of the characters an operand holds, from either end', () => {
    const random = seeded(29);
    const alphabet = '<>[]0123456789abcdefAF.- \n-1-150';
    for (let n = 0; n < 20000; n += 1) {
      const operand = Array.from({ length: Math.floor(random() * 24) }, () => alphabet.charAt(Math.floor(random() * alphabet.length))).join('');
      // A number that is none (two periods) is a word space too.
      const words = wholeWords(operand.replace(/-?[\d.]+/g, (number) => (Number.isNaN(Number(number)) ? '-999' : number)));
      const codes = codesOf(operand.match(/<[0-9A-Fa-f\s]*>/g)?.join('') ?? '');
      expect(shownEnds(operand, MAP), JSON.stringify(operand)).toEqual({ first: words[0], last: words[words.length - 1], several: words.length > 1, drawsCode: codes.length > 0 });
    }
  });
});
