/**
 * Long URLs in the narrow lines of large print: the build reads its layout
 * back and passes it (exit 0), every line that ends inside a URL ends after a
 * slash or before a period or other punctuation, and poppler's text holds
 * each URL whole, its lines joined: nothing added at the break (no hyphen,
 * no zero-width space), nothing lost.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { zine } from '../helpers/zine.ts';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'formats', 'url-breaks', 'zine.md');
const URLS = [
  'http://www.mlwerke.de/me/me04/me04_459.htm',
  'https://www.marxists.org/deutsch/archiv/marx-engels/1848/manifest/index.htm',
  'https://de.wikisource.org/wiki/Manifest_der_Kommunistischen_Partei_(1848)',
  'https://katalog.example.org/suche?titel=manifest&jahr=1848&sprache=deutsch#treffer',
];

let code: number;
let stderr: string;
/** poppler's text of the large-print pages, its line breaks taken out, and where each was. */
let flat = '';
const lineEnds: number[] = [];

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-url-breaks-'));
  ({ code, stderr } = await zine(['build', FIXTURE, '--formats', 'large-print', '--out', dir], dir));
  if (code !== 0) return;
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'zine', 'large-print.pdf'), '-']);
  for (const char of stdout) {
    if (char === '\n') lineEnds.push(flat.length);
    else flat += char;
  }
});

describe('URLs in large print', () => {
  it('are laid out and read back with no fault', () => {
    expect(code, stderr).toBe(0);
  });

  it('break only after a slash or before a period or other punctuation, and read whole in poppler\'s text', () => {
    const cuts: string[] = [];
    for (const url of URLS) {
      const at = flat.indexOf(url);
      expect(at, url).toBeGreaterThanOrEqual(0);
      for (const end of lineEnds.filter((end) => end > at && end < at + url.length)) cuts.push(`${url.slice(0, end - at)}|${url.slice(end - at)}`);
    }
    // The lines are narrow enough that URLs do break.
    expect(cuts.length).toBeGreaterThanOrEqual(3);
    for (const cut of cuts) expect(cut).toMatch(/(?:[/:=&]\||\|[.,_\-?#=&%~@(])/);
    expect(flat).not.toMatch(/[\u00AD\u200B]/u);
  });
});
