import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { longestWord } from '../../scripts/formats/longest-word.ts';
import { explainLoss } from '../../scripts/formats/lost-text.ts';
import { markdownToHtml } from '../../scripts/markdown/index.ts';
import { zine } from '../helpers/zine.ts';
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

describe('a word longer than a line, where the layout could not say where text was lost', () => {
  const W = 'abcdefghij'.repeat(200);

  it('longestWord finds it and its place in the markdown, hyphenated or not', async () => {
    const text = `---\ntitle: T\n---\n\nShort words.\n\n:::slogans\n${W}\n:::\n\nWrite \`${W}x\` here.\n`;
    const { tree } = await markdownToHtml({ path: 'w.md', text });
    expect(longestWord(tree, text)).toEqual({ length: 2001, source: '11:8' });
    expect(longestWord((await markdownToHtml({ path: 'w.md', text: `---\ntitle: T\n---\n\nA ${W}.\n` })).tree, `---\ntitle: T\n---\n\nA ${W}.\n`)).toEqual({ length: 2001, source: '5:3' });
  });

  it.each([
    ['on the card', `Text.\n\n::::tear-off\n## Card\n\nWrite ${W} here.\n::::\n`, '10:7'],
    ['in a slogan', `Text.\n\n:::slogans\n${W}\n:::\n`, '8:1'],
  ])('stops the build %s at its file:line:col, saying what to change', async (_, body, place) => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-long-word-'));
    await writeFile(join(dir, 'w.md'), `---\ntitle: T\n---\n\n${body}`);
    const result = await zine(['build', 'w.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^w\\.md:${place}: the reading layout lost \\d+ of \\d+ letters: a word of 2,000 letters, longer than a line: break it with spaces or hyphens$`));
  }, 60_000);
});
