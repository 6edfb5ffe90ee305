/**
 * The essay in source/: it parses without a single warning, has its three
 * notes, its card and envelope, and — when the seed text is there (../shared
 * beside the clone, as in CI) — keeps every word of it, in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Element, Root } from 'hast';
import { beforeAll, describe, expect, it } from 'vitest';
import { VFile } from 'vfile';
import { createProcessor, markdownToHtml, type MarkdownResult } from '../../scripts/markdown/index.ts';
import { byClass, plain, plainWithoutNotes } from './helpers.ts';

const SOURCE = 'source/unifying-the-struggle.md';
const SEED = resolve('..', 'shared', 'seeds', '000_050355d659739169.txt');

let result: MarkdownResult;
let tree: Root;

function only(name: string): Element {
  const [element, ...more] = byClass(tree, name);
  if (!element || more.length > 0) throw new Error(`expected exactly one .${name}`);
  return element;
}

const children = (element: Element, tagName: string) =>
  element.children.filter((child): child is Element => child.type === 'element' && child.tagName === tagName);

beforeAll(async () => {
  result = await markdownToHtml({ path: SOURCE });
  const file = new VFile({ path: SOURCE, value: readFileSync(SOURCE, 'utf8') });
  const processor = createProcessor();
  tree = await processor.run(processor.parse(file), file);
});

describe(SOURCE, () => {
  it('parses with no warnings', () => {
    expect(result.file.messages).toEqual([]);
  });

  it('has the front matter', () => {
    expect(result.frontMatter).toEqual({
      title: 'Unifying the Struggle: Why We Must Support the Most Exploited Workers on International Working Women’s Day',
      subtitle:
        'Y’all, stop pretending that speaking up for the most exploited working women harms those with more privileges. On this International Working Women’s Day, let’s fight for the liberation of all workers.',
      date: '2025-03-08',
      lang: 'en',
      credits: ['Header image: Internationales Jahr der Frau (Women’s Day).', 'CC0 1.0 Universal (CC0 1.0) Public Domain Dedication'],
      footnotes: 'stars',
      'cover-image': 'full',
      'cover-style': 'poster',
    });
    expect(result.assets).toEqual([]);
  });

  it('has the sections of the contract, in order', () => {
    const sections = tree.children.filter((node): node is Element => node.type === 'element');
    expect(sections.map((node) => `${node.tagName}.${String(node.properties['className'])}`)).toEqual([
      'section.cover,cover-poster',
      'main.essay',
      'section.card-front',
      'section.card-back',
      'section.colophon',
      'section.back-cover',
    ]);
    expect(plain(only('cover'))).toContain('March 8, 2025');
  });

  it('has three notes, inline at their calls, in order', () => {
    const notes = byClass(only('essay'), 'footnote').map((note) => plain(note));
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(/^Internationalist: One who believes/);
    expect(notes[1]).toMatch(/^Incorrect ideas: Concepts and beliefs/);
    expect(notes[2]).toMatch(/^Concern trolling: A disingenuous form/);
    const html = result.html.replaceAll('\u00AD', '');
    expect(html).toContain('As an internationalist<span class="footnote fn-1" data-mark="*">');
    expect(html).toContain('bad, incorrect ideas<span class="footnote fn-2" data-mark="**">');
    expect(html).toContain('engaging in concern trolling<span class="footnote fn-3" data-mark="***">');
    // The Definitions heading went with the definitions.
    expect(result.html).not.toContain('Definitions');
    expect(result.headings.map((heading) => heading.text)).not.toContain('Definitions');
  });

  it('puts the mailing instructions on the card and the address on its envelope', () => {
    const front = plain(only('card-front'));
    expect(front).toMatch(/^How to Send Mail to Chrystul Kizer #1 - Prepare Your Envelope:/);
    expect(front).toContain('Avoid any inappropriate or inflammatory content.');
    expect(byClass(only('card-front'), 'mail-to').map((address) => plain(address))).toEqual([
      'Chrystul Kizer #00675639',
      'Taycheedah Correctional Institution PO BOX 189 Phoenix, MD 21131',
    ]);
    expect(result.html).toContain(
      '<address class="envelope-to">Chrystul Kizer #00675639<br>Taycheedah Correctional Institution<br>PO BOX 189<br>Phoenix, MD 21131</address>',
    );
    // Nothing of the essay on the card.
    expect(front).not.toContain('International Working Women’s Day');
  });

  it('lists its headings with ids', () => {
    expect(result.headings).toEqual([
      {
        depth: 1,
        text: 'Unifying the Struggle: Why We Must Support the Most Exploited Workers on International Working Women’s Day',
        id: 'unifying-the-struggle-why-we-must-support-the-most-exploited-workers-on-international-working-womens-day',
      },
      { depth: 2, text: 'How to Send Mail to Chrystul Kizer', id: 'how-to-send-mail-to-chrystul-kizer' },
      { depth: 3, text: '#1 - Prepare Your Envelope:', id: '1-prepare-your-envelope' },
      { depth: 3, text: '#2 - Include a Return Address:', id: '2-include-a-return-address' },
      { depth: 3, text: '#3 - Follow Mail Guidelines:', id: '3-follow-mail-guidelines' },
    ]);
  });

  describe.skipIf(!existsSync(SEED))('against the seed text', () => {
    const seed = () => readFileSync(SEED, 'utf8').replace(/\n$/, '').split('\n');
    const unstar = (line: string) => line.replace(/\*+/g, '');

    it('keeps every paragraph of the essay, word for word and in order', () => {
      const lines = seed();
      const end = lines.indexOf('Free Chrystul Kizer!');
      const essay = only('essay');
      const paragraphs = children(essay, 'p').map((p) => plainWithoutNotes(p));
      expect(paragraphs).toEqual(lines.slice(2, end).map(unstar));
      const slogans = children(only('slogans'), 'p').map((p) => plain(p));
      expect(slogans).toEqual(lines.slice(end, end + 4));
    });

    it('keeps the definitions as the notes', () => {
      const lines = seed();
      const start = lines.indexOf('Definitions') + 1;
      const notes = byClass(only('essay'), 'footnote').map((note) => plain(note));
      expect(notes).toEqual(lines.slice(start, start + 3).map((line) => line.replace(/^\*+/, '')));
    });

    it('has every sentence of the seed somewhere in the document', () => {
      // Notes sit inside the sentences that call them: read the text without them, then the notes.
      const root: Element = { type: 'element', tagName: 'div', properties: {}, children: tree.children as Element['children'] };
      const notes = byClass(root, 'footnote').map((note) => plain(note));
      const text = [plainWithoutNotes(root), ...notes].join(' ');
      const missing: string[] = [];
      for (const line of seed()) {
        if (line === 'Definitions') continue; // the heading is dropped with the definitions (see footnotes.ts)
        for (const sentence of unstar(line).split(/(?<=[.!?])\s+/)) {
          if (!text.includes(sentence.trim())) missing.push(sentence);
        }
      }
      expect(missing).toEqual([]);
    });

    it('has every line of the seed in the markdown source (the Definitions heading included)', () => {
      const source = readFileSync(SOURCE, 'utf8')
        .replace(/^\[\^[a-z-]+\]: /gm, '')
        .replace(/\[\^[a-z-]+\]/g, '')
        .replace(/\*\*/g, '')
        .replace(/\\$/gm, '');
      const missing = seed()
        .map((line) => unstar(line))
        .filter((line) => !source.includes(line.replace(/^(Header image: .*\.) (CC0 .*)$/, '$1')));
      expect(missing).toEqual([]);
    });
  });
});
