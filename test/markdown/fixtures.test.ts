/**
 * Fixture cases, remark-gfm style: each folder in test/fixtures/markdown has
 * an `input.md`, the `output.html` it must become, and `messages.txt` with the
 * warnings it must give (one `path:line:col: reason` per line; empty if none).
 *
 * ZINEPRESS_UPDATE_FIXTURES=1 writes missing expected files, to be read and
 * judged before they are committed; it never overwrites one.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, markdownToHtml } from '../../scripts/markdown/index.ts';

const root = join('test', 'fixtures', 'markdown');
const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'input.md')))
  .map((entry) => entry.name)
  .sort();

function expected(path: string, actual: string): string {
  if (!existsSync(path) && process.env['ZINEPRESS_UPDATE_FIXTURES'] === '1') writeFileSync(path, actual);
  return readFileSync(path, 'utf8');
}

describe('markdown fixtures', () => {
  it('has the cases', () => {
    expect(cases).toEqual(expect.arrayContaining(['footnotes', 'tear-off', 'cover-colophon', 'heading-ids', 'hyphenation', 'sanitize', 'images']));
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = join(root, name);
      const result = await markdownToHtml({ path: join(dir, 'input.md') });
      const messages = result.file.messages.map((message) => formatMessage(result.file, message) + '\n').join('');
      // Every block's source place (data-source) is tested on its own (source-places.test.ts).
      const html = result.html.replace(/ data-source="\d+:\d+"/g, '');
      expect(html).toBe(expected(join(dir, 'output.html'), html));
      expect(messages).toBe(expected(join(dir, 'messages.txt'), messages));
    });
  }
});
