/**
 * Control characters in a source (a NUL byte, an escape, a form feed) stop the
 * markdown stage at their place, naming the character; tabs and line breaks
 * (LF, CRLF) are text.
 */
import { describe, expect, it } from 'vitest';
import { MarkdownError, markdownToHtml } from '../../scripts/markdown/index.ts';

const FRONT = '---\ntitle: T\n---\n\n';

async function errors(text: string): Promise<string[]> {
  const attempt = await markdownToHtml({ path: 'c.md', text }).then(() => undefined, (error: unknown) => error);
  expect(attempt).toBeInstanceOf(MarkdownError);
  return (attempt as MarkdownError).message.split('\n');
}

describe('control characters in the source', () => {
  it('names a NUL byte at its line and column', async () => {
    expect(await errors(`${FRONT}A line.\n\nA NUL [\u0000] here.\n`)).toEqual([
      'c.md:7:8: a NUL byte (U+0000) is in the text; no font draws it: remove it (a text may hold tabs and line breaks, no other control character)',
    ]);
  });

  it('names each other C0 control, and counts those past the fifth', async () => {
    const lines = await errors(`${FRONT}Bell\u0007, escape\u001b[1m, page\u000c, x\u0001\u0002\u0003\u0004.\n`);
    expect(lines.map((line) => line.replace(/ is in the text.*$/, ''))).toEqual([
      'c.md:5:5: a bell character (U+0007)',
      'c.md:5:14: an escape character (U+001B, from a terminal’s colours)',
      'c.md:5:24: a form feed (U+000C, a page break of old editors)',
      'c.md:5:28: a control character (U+0001)',
      'c.md:5:29: a control character (U+0002)',
    ]);
    expect(lines[4]).toContain('(and 2 more after it)');
  });

  it('keeps tabs, CRLF line ends and text as they are', async () => {
    const result = await markdownToHtml({ path: 'c.md', text: `${FRONT}A\ttab and a CRLF line.\r\nNext line.\r\n` });
    expect(result.html).toContain('A\ttab and a CRLF line.');
  });
});
