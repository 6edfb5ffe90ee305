import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../scripts/markdown/read-source.ts';
import { markdownToHtml, formatMessage } from '../../scripts/markdown/index.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))));

describe('decodeSource', () => {
  it('reads UTF-8 as it is', () => {
    expect(decodeSource(bytes('été\nça'))).toEqual({ text: 'été\nça' });
  });

  it.each([
    ['a lone Latin-1 byte', bytes('line one\nAn ', [0xe9], 't\n'), { line: 2, column: 4 }],
    ['a character cut short', bytes('x\nAnother ', [0xc3, 0xa9], 't', [0xe9], ' here\n'), { line: 2, column: 11 }],
    ['a stray continuation byte', bytes('ab', [0x80], 'c'), { line: 1, column: 3 }],
    ['a file ending inside a character', bytes('one\ntwo ', [0xe2, 0x80]), { line: 2, column: 5 }],
  ])('finds %s', (_, input, place) => {
    const decoded = decodeSource(input);
    expect(decoded.invalidAt).toEqual(place);
    expect(decoded.text).toContain('\uFFFD');
  });
});

describe('a source that is not UTF-8', () => {
  it('is built with a warning at the first bad byte', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-utf8-'));
    const path = join(dir, 'latin1.md');
    await writeFile(path, bytes('---\ntitle: X\n---\n\nCaf', [0xe9], ' au lait.\n'));
    const result = await markdownToHtml({ path });
    const messages = result.file.messages.map((message) => formatMessage(result.file, message));
    expect(messages.filter((line) => line.includes('UTF-8')).map((line) => line.replace(/^.*latin1\.md/, 'latin1.md'))).toEqual([
      'latin1.md:5:4: the file is not valid UTF-8 from here on: bad bytes are shown as �; save it as UTF-8',
    ]);
    expect(result.html).toContain('Caf\uFFFD au lait');
  });
});
