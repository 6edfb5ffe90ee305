import { describe, expect, it } from 'vitest';
import { explainLoss } from '../../scripts/formats/lost-text.ts';
import type { LostBlock } from '../../scripts/paginate/layout-report.ts';

const block = (changes: Partial<LostBlock>): LostBlock => ({
  source: '12:3',
  kind: 'text',
  characters: 400,
  longestWord: 12,
  longestLink: 0,
  longestCodeLine: 0,
  columns: 0,
  listDepth: 0,
  ...changes,
});

describe('what is too long where text was lost', () => {
  it('names the long thing in the block, with its size and advice of its own', () => {
    expect(explainLoss(block({ longestWord: 1500 }))).toBe('a word of 1,500 letters: break it with spaces or hyphens');
    expect(explainLoss(block({ longestLink: 1200, longestWord: 1200 }))).toMatch(/^a link of 1,200 characters: give it a short text/);
    expect(explainLoss(block({ kind: 'code', longestCodeLine: 400 }))).toBe('a line of code of 400 characters: break it into shorter lines');
    expect(explainLoss(block({ kind: 'table', columns: 12 }))).toMatch(/^a table 12 columns wide: split it/);
    expect(explainLoss(block({ kind: 'list', listDepth: 40 }))).toBe('a list 40 levels deep: flatten it into fewer levels');
    expect(explainLoss(block({ kind: 'title', characters: 3000 }))).toMatch(/^a title of 3,000 characters, more than the cover holds: shorten it/);
    expect(explainLoss(block({ characters: 57_000 }))).toBe('a paragraph of 57,000 characters: split it into shorter ones');
  });

  it('does not blame a paragraph for its length when a word in it is the trouble', () => {
    expect(explainLoss(block({ characters: 57_000, longestWord: 5000 }))).toMatch(/^a word of 5,000 letters/);
  });

  it('falls back to the general advice when nothing in the block stands out', () => {
    expect(explainLoss(block({}))).toMatch(/cannot be broken across lines or pages/);
    expect(explainLoss(undefined)).toMatch(/cannot be broken across lines or pages/);
  });
});
