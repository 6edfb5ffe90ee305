/**
 * The cover's keys (`cover`, `cover-image`, `cover-credit`, `cover-style`)
 * and what the covers take from the essay: its slogans and first lines.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Element } from 'hast';
import { toString } from 'hast-util-to-string';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openingOf, OPENING_LENGTH } from '../../scripts/markdown/cover-text.ts';
import { errorsOf, renderTree } from './helpers.ts';

let dir: string;

/** A small grey PNG, made here. */
function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(128);
  return PNG.sync.write(image);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-cover-'));
  await writeFile(join(dir, 'art.png'), png(40, 60));
  await writeFile(join(dir, 'cut.png'), png(40, 60).subarray(0, 80));
});

/** A path as messages show it: relative to the working directory. */
const shown = (path: string) => relative(process.cwd(), path);

const doc = (front: string, body = 'The first lines of the text.\n') => `---\ntitle: A zine\n${front}---\n\n${body}`;

function section(tree: { children: unknown[] }, name: string): Element {
  const found = tree.children.find(
    (node): node is Element => (node as Element).type === 'element' && String((node as Element).properties['className']).split(',').includes(name),
  );
  if (found === undefined) throw new Error(`no section.${name}`);
  return found;
}

describe('cover: an image', () => {
  it('is set on the cover as a checked local image, with its credit in the colophon', async () => {
    const { tree, file } = await renderTree(doc('cover: art.png\ncover-credit: "Cover: a grey field."\n'), join(dir, 'zine.md'));
    const cover = section(tree, 'cover');
    expect(cover.properties['className']).toEqual(['cover', 'cover-poster', 'has-image', 'image-full']);
    const html = JSON.stringify(cover);
    expect(html).toContain('"src":"art.png"');
    expect(file.data.assets?.map((asset) => asset.path)).toEqual([join(dir, 'art.png')]);
    expect(toString(section(tree, 'colophon'))).toContain('Cover: a grey field.');
  });

  it('a missing file is an error at the `cover` key', async () => {
    expect(await errorsOf(doc('date: 2025-03-08\ncover: gone.png\n'), join(dir, 'zine.md'))).toEqual([
      `${shown(join(dir, 'zine.md'))}:4:1: front matter: \`cover\`: image \`gone.png\` not found (looked for ${shown(join(dir, 'gone.png'))})`,
    ]);
  });

  it('a damaged image, or one outside the folder, is refused as any image is', async () => {
    const [cut] = await errorsOf(doc('cover: cut.png\n'), join(dir, 'zine.md'));
    expect(cut).toMatch(/zine\.md:3:1: front matter: `cover`: image `cut\.png` is a damaged PNG file that cannot be decoded/);
    expect(await errorsOf(doc('cover: ../art.png\n'), join(dir, 'zine.md'))).toEqual([
      `${shown(join(dir, 'zine.md'))}:3:1: front matter: \`cover\`: image \`../art.png\` is outside the essay’s folder; images must be inside it`,
    ]);
    expect(await errorsOf(doc('cover: https://example.org/a.png\n'), join(dir, 'zine.md'))).toHaveLength(1);
  });
});

describe('cover-style and cover-image', () => {
  it('an unknown design is an error naming the key and the designs', async () => {
    expect(await errorsOf(doc('cover-style: nope\n'), 'x.md')).toEqual([
      'x.md:3:1: front matter: `cover-style` must be one of "poster", "frame", "banner"',
    ]);
    expect(await errorsOf(doc('cover-image: left\n'), 'x.md')).toEqual([
      'x.md:3:1: front matter: `cover-image` must be one of "full", "framed" (the whole page, or a frame above the title)',
    ]);
  });

  it.each(['poster', 'frame', 'banner'])('%s is a class of the cover', async (style) => {
    const { tree } = await renderTree(doc(`cover-style: ${style}\n`));
    expect(section(tree, 'cover').properties['className']).toEqual(['cover', `cover-${style}`]);
  });
});

describe('what the covers take from the text', () => {
  it('the slogans go on the cover, the first lines on the back', async () => {
    const body = 'It opens here.[^a] And goes on.\n\n[^a]: A note.\n\n:::slogans\nBread!\n\nRoses!\n:::\n';
    const { tree } = await renderTree(doc('', body));
    const slogans = section(tree, 'cover').children.flatMap((child) => (child.type === 'element' ? child.children : []));
    expect(slogans.map((node) => toString(node as Element))).toContain('Bread!Roses!');
    expect(toString(section(tree, 'back-cover'))).toContain('It opens here. And goes on.');
  });

  it('a slogan repeated in the text goes on the cover once, and at most four do', async () => {
    const block = (lines: string[]) => `:::slogans\n${lines.join('\n\n')}\n:::\n`;
    const body = `Text.\n\n${block(['Bread!', 'Roses!'])}\nMore text.\n\n${block(['Bread!', 'Land!', 'Peace!', 'Water!'])}`;
    const { tree } = await renderTree(doc('', body));
    const cover = section(tree, 'cover').children.flatMap((child) => (child.type === 'element' ? child.children : []));
    expect(cover.map((node) => toString(node as Element))).toContain('Bread!Roses!Land!Peace!');
  });

  it('the subtitle when the text opens with no paragraph', async () => {
    const { tree } = await renderTree(doc('subtitle: A standfirst.\n', '## A heading\n'));
    expect(toString(section(tree, 'back-cover'))).toContain('A standfirst.');
  });

  it('long first lines are cut at a word, and marked', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    const opening = openingOf([{ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: words }] }]) ?? '';
    expect(opening.endsWith('…')).toBe(true);
    expect(opening.length).toBeLessThanOrEqual(OPENING_LENGTH.spaced + 1);
    expect(words.startsWith(opening.slice(0, -1))).toBe(true);
    expect(words[opening.length - 1]).toBe(' ');
  });
});
