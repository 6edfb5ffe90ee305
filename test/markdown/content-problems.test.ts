import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMessage, markdownStringToHtml, markdownToHtml, MarkdownError } from '../../scripts/markdown/index.ts';
import { card, errorsOf, frontMatter, warningsOf } from './helpers.ts';

// Line 5 is the first line after `frontMatter()` (4 lines: ---, title, ---, blank).
const essay = (body: string) => frontMatter() + body + card;
const IMAGES = 'test/fixtures/markdown/images/input.md';

describe('footnote problems are warnings with positions', () => {
  it('a reference without a definition', async () => {
    expect(await warningsOf(essay('One.\nTwo [^ghost] three.\n'), 'x.md')).toEqual([
      'x.md:6:5: footnote reference `[^ghost]` has no definition; it is printed as written',
    ]);
  });

  it('a definition never referenced', async () => {
    expect(await warningsOf(essay('Text.\n\n[^lonely]: Nobody calls me.\n'), 'x.md')).toEqual([
      'x.md:7:1: footnote `[^lonely]` is never referenced; it was left out',
    ]);
  });

  it('a definition given twice', async () => {
    expect(await warningsOf(essay('Text[^a].\n\n[^a]: First.\n\n[^a]: Second.\n'), 'x.md')).toEqual([
      'x.md:9:1: footnote `[^a]` is defined twice; the first definition (line 7) is used',
    ]);
  });

  it('a list in a definition is kept as text', async () => {
    const { html, file } = await markdownStringToHtml(essay('Text[^a].\n\n[^a]: Intro.\n\n    - item\n'), { path: 'x.md' });
    expect(file.messages.map((message) => formatMessage(file, message))).toEqual([
      'x.md:9:5: footnote `[^a]`: a list cannot be set inline; only its text is kept',
    ]);
    expect(html.replaceAll('\u00AD', '')).toContain('<span class="footnote fn-1" data-mark="*">Intro.<br>\nitem</span>');
  });
});

describe('images', () => {
  it('a missing image is an error at the image', async () => {
    expect(await errorsOf(essay('Text.\n\n![Gone](img/gone.png)\n'), IMAGES)).toEqual([
      `${IMAGES}:7:1: image \`img/gone.png\` not found (looked for test/fixtures/markdown/images/img/gone.png)`,
    ]);
  });

  it.each([
    ['https://example.org/a.png', 'is on another server; images are never fetched, so save it beside the essay and use its relative path'],
    ['http://example.org/a.png', 'is on another server; images are never fetched, so save it beside the essay and use its relative path'],
    ['//example.org/a.png', 'is on another server; images are never fetched, so save it beside the essay and use its relative path'],
    ['file:///etc/passwd', 'is a `file:` URL; use a path relative to the essay, inside its folder'],
    ['data:image/png;base64,AAAA', 'uses `data:`; an image must be a file beside the essay'],
    ['../markdown.png', 'is outside the essay’s folder; images must be inside it'],
    ['img/../../../x.png', 'is outside the essay’s folder; images must be inside it'],
    ['/etc/hosts', 'must be a path relative to the essay, inside its folder'],
  ])('refuses %s, at the image', async (url, reason) => {
    expect(await errorsOf(essay(`Text with ![x](<${url}>) inline.\n`), IMAGES)).toEqual([`${IMAGES}:5:11: image \`${url}\` ${reason}`]);
  });

  it('refuses a reference-style remote image at the image', async () => {
    expect(await errorsOf(essay('![x][remote]\n\n[remote]: https://example.org/a.png\n'), IMAGES)).toEqual([
      `${IMAGES}:5:1: image \`https://example.org/a.png\` is on another server; images are never fetched, so save it beside the essay and use its relative path`,
    ]);
  });

  it('reports every bad image at once', async () => {
    expect(await errorsOf(essay('![a](a.png)\n\n![b](https://x.org/b.png)\n'), IMAGES)).toEqual([
      `${IMAGES}:5:1: image \`a.png\` not found (looked for test/fixtures/markdown/images/a.png)`,
      `${IMAGES}:7:1: image \`https://x.org/b.png\` is on another server; images are never fetched, so save it beside the essay and use its relative path`,
    ]);
  });

  it('records local images as absolute paths, src relative to the folder', async () => {
    const result = await markdownStringToHtml(essay('![dot](./img/dot.png)\n'), { path: IMAGES });
    expect(result.assets.map((asset) => asset.path)).toEqual([resolve('test/fixtures/markdown/images/img/dot.png')]);
    expect(result.html).toContain('<img src="img/dot.png" alt="dot">');
  });

  it('links to remote pages stay links (they are not fetched)', async () => {
    const { html } = await markdownStringToHtml(essay('[site](https://example.org)\n'));
    expect(html).toContain('<a href="https://example.org">site</a>');
  });

  describe('a symlink that leaves the folder', () => {
    let dir = '';
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'zinepress-md-'));
      await mkdir(join(dir, 'essay'));
      await writeFile(join(dir, 'secret.png'), 'not really');
      await symlink(join(dir, 'secret.png'), join(dir, 'essay', 'link.png'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('is refused at the image', async () => {
      const path = join(dir, 'essay', 'x.md');
      await expect(markdownToHtml({ path, text: essay('![x](link.png)\n') })).rejects.toThrow(
        `${relative(process.cwd(), path)}:5:1: image \`link.png\` links to a file outside the essay’s folder; images must be inside it`,
      );
    });
  });
});

describe('the tear-off card', () => {
  it('only one card', async () => {
    expect(await errorsOf(essay('Text.\n\n::::tear-off\nA second card.\n::::\n'), 'x.md')).toEqual([
      'x.md:11:1: only one `::::tear-off` card per zine (the first starts on line 7)',
    ]);
  });

  it('a card inside another block', async () => {
    expect(await errorsOf(frontMatter() + ':::::slogans\n::::tear-off\nCard.\n::::\n:::::\n', 'x.md')).toEqual([
      'x.md:6:1: `::::tear-off` must be at the top level of the essay, not inside another block',
    ]);
  });

  it('no card, a card without address, an address outside the card', async () => {
    expect(await warningsOf(frontMatter() + 'Text.\n', 'x.md')).toEqual([
      'x.md:1:1: no `::::tear-off` card: the zine will have no tear-out card',
    ]);
    expect(await warningsOf(frontMatter() + '::::tear-off\nCard.\n::::\n', 'x.md')).toEqual([
      'x.md:5:1: the tear-off card has no `:::address` block, so its back has no envelope',
    ]);
    expect(await warningsOf(essay(':::address\nNowhere\n:::\n'), 'x.md')).toEqual([
      'x.md:5:1: `:::address` outside the `::::tear-off` card is not drawn on the envelope',
    ]);
  });

  it('nesting the wrong way round (inner fence longer) is warned about', async () => {
    const text = frontMatter() + ':::tear-off\nCard.\n\n::::address\nName\n::::\n\nAfter.\n:::\n';
    expect(await warningsOf(text, 'x.md')).toContain(
      'x.md:13:1: stray `:::` line kept as text: to nest containers, give the outer one more colons (`::::tear-off` around `:::address`)',
    );
  });
});

describe('errors reach the caller', () => {
  it('as a MarkdownError (a ContentError, exit code 1) with the file', async () => {
    const error = await markdownStringToHtml('no front matter\n', { path: 'x.md' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(MarkdownError);
    expect((error as MarkdownError).exitCode).toBe(1);
    expect((error as MarkdownError).file.path).toBe('x.md');
    expect((error as MarkdownError).errors).toHaveLength(1);
  });

  it('with absolute paths shown relative to the working directory', async () => {
    const path = resolve('source', 'nothing-here.md');
    await expect(markdownToHtml({ path, text: 'no front matter\n' })).rejects.toThrow(/^source\/nothing-here\.md:1:1: front matter: missing/);
  });

  it('an unreadable file is a FileError', async () => {
    await expect(markdownToHtml({ path: 'test/fixtures/markdown/no-such-file.md' })).rejects.toThrow(
      /^cannot read test\/fixtures\/markdown\/no-such-file\.md: /,
    );
  });
});
