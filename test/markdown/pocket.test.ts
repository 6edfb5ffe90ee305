/**
 * The pocket version of the essay (the one-sheet mini zine): it must stay in
 * the author's own words. Every sentence of its essay text is a whole
 * sentence of the essay source, in the essay's order; the only other
 * paragraphs allowed are elision marks ("…"); its note, slogans and card are
 * the essay's own; the front matter is the essay's plus `formats: [mini]`.
 */
import { readFileSync } from 'node:fs';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml, type MarkdownResult } from '../../scripts/markdown/index.ts';
import { byClass, hasClass, plain, plainWithoutNotes, renderTree } from './helpers.ts';

const ESSAY = 'source/unifying-the-struggle.md';
const POCKET = 'source/unifying-the-struggle-pocket.md';

interface Rendered {
  result: MarkdownResult;
  tree: Root;
}

let essay: Rendered;
let pocket: Rendered;

async function render(path: string): Promise<Rendered> {
  const result = await markdownToHtml({ path });
  const { tree } = await renderTree(readFileSync(path, 'utf8'), path);
  return { result, tree };
}

function only(tree: Root | Element, name: string): Element {
  const [element, ...more] = byClass(tree, name);
  if (!element || more.length > 0) throw new Error(`expected exactly one .${name}`);
  return element;
}

const elements = (element: Element) => element.children.filter((child): child is Element => child.type === 'element');

/** The essay's own blocks: what is in main.essay, less the slogans. */
const essayBlocks = (tree: Root) => elements(only(tree, 'essay')).filter((block) => !hasClass(block, 'slogans'));

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence !== '');

const isElision = (block: Element) => (block.tagName === 'p' && plain(block) === '…') || block.tagName === 'hr';

beforeAll(async () => {
  [essay, pocket] = await Promise.all([render(ESSAY), render(POCKET)]);
});

describe(POCKET, () => {
  it('parses with no warnings', () => {
    expect(pocket.result.file.messages).toEqual([]);
  });

  it('has the essay’s front matter, made only as a mini zine', () => {
    expect(pocket.result.frontMatter).toEqual({ ...essay.result.frontMatter, formats: ['mini'] });
  });

  it('has only whole sentences of the essay, in the essay’s order, and elision marks', () => {
    const source = essayBlocks(essay.tree).flatMap((block) => sentences(plainWithoutNotes(block)));
    const added: string[] = [];
    const indexes: number[] = [];
    for (const block of essayBlocks(pocket.tree)) {
      if (isElision(block)) continue;
      for (const sentence of sentences(plainWithoutNotes(block))) {
        const index = source.indexOf(sentence);
        if (index === -1) added.push(sentence);
        else indexes.push(index);
      }
    }
    expect(added).toEqual([]);
    expect(indexes.length).toBeGreaterThan(10);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(new Set(indexes).size).toBe(indexes.length);
  });

  it('keeps the argument: the opening question, Chrystul Kizer and the closing call', () => {
    const text = plainWithoutNotes(only(pocket.tree, 'essay'));
    expect(text).toContain('when did it become controversial to advocate for our most vulnerable sisters?');
    expect(text).toContain('Chrystul Kizer, who murdered her abuser');
    expect(text).toContain('let’s commit ourselves to the liberation of ALL working women');
  });

  it('has at most one note, word for word one of the essay’s', () => {
    const essayNotes = byClass(only(essay.tree, 'essay'), 'footnote').map((note) => plain(note));
    const notes = byClass(only(pocket.tree, 'essay'), 'footnote').map((note) => plain(note));
    expect(notes.length).toBeLessThanOrEqual(1);
    for (const note of notes) expect(essayNotes).toContain(note);
  });

  it('ends with the essay’s slogans', () => {
    const slogans = (tree: Root) => elements(only(tree, 'slogans')).map((p) => plain(p));
    expect(slogans(pocket.tree)).toEqual(slogans(essay.tree));
    expect(slogans(pocket.tree)).toContain('Free Chrystul Kizer!');
    expect(elements(only(pocket.tree, 'essay')).at(-1)).toBe(only(pocket.tree, 'slogans'));
  });

  it('has the essay’s card, word for word, with the full address on the card and its envelope', () => {
    const card = only(pocket.tree, 'card-front');
    const essayCard = plain(only(essay.tree, 'card-front'));
    // Every heading, line and list item of the card is on the essay's card.
    const lines: string[] = [];
    for (const block of elements(card)) {
      if (block.tagName === 'ul') lines.push(...elements(block).map((item) => plain(item)));
      else lines.push(plain(block));
    }
    expect(lines.filter((line) => !essayCard.includes(line))).toEqual([]);
    expect(plain(card)).toMatch(/^How to Send Mail to Chrystul Kizer /);
    expect(plain(card)).toContain('Make sure your envelope has a clear and complete return address in the top left corner.');

    const addresses = (tree: Root) => byClass(tree, 'mail-to').map((address) => plain(address));
    expect(addresses(pocket.tree)).toEqual(addresses(essay.tree));
    expect(addresses(pocket.tree)).toEqual([
      'Chrystul Kizer #00675639',
      'Taycheedah Correctional Institution PO BOX 189 Phoenix, MD 21131',
    ]);
    expect(plain(only(pocket.tree, 'envelope-to'))).toBe(plain(only(essay.tree, 'envelope-to')));
  });
});
