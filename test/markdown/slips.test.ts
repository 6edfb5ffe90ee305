/**
 * The slips a new user makes most, each refused at its place with the fix
 * (markdown/unclosed.ts, no-text.ts, image-spaces.ts, config/yaml-hints.ts,
 * the front matter's "did you mean").
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { card, errorsOf, frontMatter, warningsOf } from './helpers.ts';

describe('a block left open', () => {
  it('`:::slogans` with no closing fence, at its opening', async () => {
    expect(await errorsOf(`${frontMatter()}Text.\n\n:::slogans\nOne\n\nThe rest of the essay.\n`, 'x.md')).toEqual([
      'x.md:7:1: `:::slogans` is never closed, so everything after it went into it: end the block with a line `:::`',
    ]);
  });

  it('`::::tear-off` closed with three colons, which close only its address', async () => {
    expect(await errorsOf(`${frontMatter()}Text.\n\n::::tear-off\nCard.\n\n:::address\nSomeone\n:::\n`, 'x.md')).toEqual([
      'x.md:7:1: `::::tear-off` is never closed, so everything after it went into it: end the block with a line `::::`',
    ]);
  });

  it('leaves closed blocks alone, at the end of the file and inside a quote', async () => {
    expect(await warningsOf(`${frontMatter()}Text.\n${card}`, 'x.md')).toEqual([]);
    expect(await warningsOf(`${frontMatter()}Text.\n${card}\n> :::slogans\n> One\n> :::\n`, 'x.md')).toEqual([]);
  });
});

describe('a file with no text', () => {
  it('is refused at the line after its front matter', async () => {
    expect(await errorsOf('---\ntitle: T\n---\n\n\n', 'x.md')).toEqual([
      'x.md:4:1: the file has no text after its front matter: write the zine’s text below the closing `---` line',
    ]);
  });
});

describe('an image path with a space', () => {
  it('is refused where it is written, with the form that works', async () => {
    expect(await errorsOf(`${frontMatter()}Text.\n\nSee ![a march](my photo.png) here.\n`, 'x.md')).toEqual([
      'x.md:7:5: `![a march](my photo.png)` is printed as text, because its path has a space: write `![a march](<my photo.png>)`',
    ]);
  });

  it('is an image when written in angle brackets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-space-'));
    const image = new PNG({ width: 64, height: 48 });
    image.data.fill(180);
    await writeFile(join(dir, 'my photo.png'), PNG.sync.write(image));
    const { html } = await markdownStringToHtml(`${frontMatter()}Text.\n\n![a march](<my photo.png>)\n${card}`, { path: join(dir, 'x.md') });
    expect(html).toMatch(/<img src="[^"]*my(%20| )photo\.png" alt="a march"/);
  });
});

describe('the front matter', () => {
  it('says to quote a value with a colon in it, or one that starts with @', async () => {
    expect(await errorsOf('---\ntitle: Rent: a zine\n---\n\nText.\n', 'x.md')).toEqual([
      'x.md:2:8: front matter: quote the value: title: "Rent: a zine" (YAML read it as: Nested mappings are not allowed in compact mappings)',
    ]);
    expect((await errorsOf('---\ntitle: T\nauthor: @collective\n---\n\nText.\n', 'x.md'))[0]).toMatch(/^x\.md:3:\d+: front matter: quote the value: author: "@collective" /);
  });

  it('suggests the key meant for a misspelt one', async () => {
    expect(await errorsOf('---\ntitle: T\nsubtitel: S\n---\n\nText.\n', 'x.md')).toEqual([
      'x.md:3:1: front matter: `subtitel` is not a known key: did you mean `subtitle`?',
    ]);
  });
});
