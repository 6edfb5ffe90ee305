/**
 * The source's index answers as a search of the whole text would, on real
 * sources: the pairs a build asks (each word and the next, each word cut
 * in two) and pieces drawn at random.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { folded, joinedInSource } from '../../scripts/pdf/source-joins.ts';
import { sourceIndex } from '../../scripts/pdf/source-index.ts';

const SOURCES = ['source/unifying-the-struggle.md', 'test/fixtures/formats/url-breaks/zine.md', 'test/fixtures/fonts/ja/ja.md', 'test/fixtures/fonts/zh/zh.md'];

/** The test as it was: the whole folded source searched for each pair. */
function joinedBySearch(source: string): (tail: string, head: string) => boolean {
  const text = folded(source);
  return (tail, head) => {
    const before = folded(tail);
    const after = folded(head);
    if (before.trim() !== before || after.trim() !== after || before === '' || after === '') return false;
    return text.includes(before + after) && !text.includes(`${before} ${after}`);
  };
}

/** A generator of numbers in [0, 1), the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** The pairs a build meets: each word and the next, each word cut at every place, random pieces: cut at one place, or from two. */
function pairsOf(source: string): [string, string][] {
  const words = source.split(/\s+/u).filter((word) => word !== '');
  const pairs: [string, string][] = [];
  words.forEach((word, at) => {
    pairs.push([word, words[at + 1] ?? 'x']);
    for (let cut = 1; cut < word.length; cut += 1) pairs.push([word.slice(0, cut), word.slice(cut)]);
  });
  const random = seeded(source.length);
  for (let n = 0; n < 3000; n += 1) {
    const start = Math.floor(random() * source.length);
    const cut = start + 1 + Math.floor(random() * 12);
    pairs.push([source.slice(start, cut), source.slice(cut, cut + 1 + Math.floor(random() * 12))]);
    // A tail and a head from two places: each found alone, rarely together.
    const elsewhere = Math.floor(random() * source.length);
    pairs.push([source.slice(start, cut), source.slice(elsewhere, elsewhere + 1 + Math.floor(random() * 4))]);
  }
  return pairs;
}

describe('sourceIndex', () => {
  it('holds what the text includes, and nothing else', () => {
    const holds = sourceIndex('abcabd xyz 𝔸𝔹 é');
    for (const piece of ['abc', 'bca', 'abd', 'abcabd x', 'd xyz', '𝔸𝔹', '𝔹 é', 'ab', 'z', '']) expect(holds(piece), piece).toBe(true);
    for (const piece of ['abe', 'abcabe', 'bcabc', 'xyz ab', 'zz', 'ä', ' abc']) expect(holds(piece), piece).toBe(false);
  });

  for (const path of SOURCES) {
    it(`answers as the whole search on ${path}`, () => {
      const source = readFileSync(path, 'utf8');
      const [indexed, searched] = [joinedInSource(source), joinedBySearch(source)];
      const pairs = pairsOf(source);
      const differ = pairs.filter(([tail, head]) => indexed(tail, head) !== searched(tail, head));
      expect(differ).toEqual([]);
      // Both answers are met: pieces the source holds joined, and pieces it does not.
      expect(pairs.filter(([tail, head]) => searched(tail, head)).length).toBeGreaterThan(100);
      expect(pairs.filter(([tail, head]) => !searched(tail, head)).length).toBeGreaterThan(100);
    });
  }
});
