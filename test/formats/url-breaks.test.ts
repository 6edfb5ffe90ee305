/**
 * Long URLs in the narrow lines of large print: the build reads its layout
 * back and passes it (the build ends without a fault), every line that ends inside a URL ends after a
 * slash or before a period or other punctuation, and poppler's text holds
 * each URL whole, its lines joined: nothing added at the break (no hyphen,
 * no zero-width space), nothing lost. poppler, MuPDF and pdf.js each find
 * every word of the source whole, the words a URL's line break cuts
 * ("de.wikisource.org" cut before ".org") too (pdf/word-lines.ts), with no
 * character the source lacks.
 */
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { readThrice, type TextFigures } from '../../scripts/bench/read-thrice.ts';
import { ENGINES } from '../../scripts/bench/readers.ts';
import { build } from '../../scripts/build.ts';

const run = promisify(execFile);
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'formats', 'url-breaks', 'zine.md');
const URLS = [
  'http://www.mlwerke.de/me/me04/me04_459.htm',
  'https://www.marxists.org/deutsch/archiv/marx-engels/1848/manifest/index.htm',
  'https://de.wikisource.org/wiki/Manifest_der_Kommunistischen_Partei_(1848)',
  'https://katalog.example.org/suche?titel=manifest&jahr=1848&sprache=deutsch#treffer',
];

/** The build's fault, if it had one. */
let fault: string | undefined;
/** poppler's text of the large-print pages in drawing order, its line breaks (and the text layer's marks) taken out, and where each was. */
let flat = '';
const lineEnds: number[] = [];
let figures: TextFigures | undefined;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-url-breaks-'));
  // Built in the test's process, without the gallery: the PDF is what is read here (a `zine` run added its
  // process, its own markdown worker and the thumbnails).
  fault = await build({ files: [FIXTURE], out: dir, formats: ['large-print'], progress: false, gallery: false, reporter: { warn: () => undefined } }).then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  if (fault !== undefined) return;
  const pdf = join(dir, 'zine', 'large-print.pdf');
  // Where the lines end: poppler's text in drawing order (-raw), where the text layer's mark for a line
  // that ends inside a word (pdf/word-lines.ts) reads as a hyphen at the line's end, which the source has not.
  const { stdout } = await run('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']);
  for (const char of stdout.replace(/-\n/g, '\n')) {
    if (char === '\n') lineEnds.push(flat.length);
    else flat += char;
  }
  figures = await readThrice({ pdf, source: FIXTURE });
});

describe('URLs in large print', () => {
  it('are laid out and read back with no fault', () => {
    expect(fault).toBeUndefined();
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

  it('read whole in poppler, MuPDF and pdf.js, every word of the source, with nothing the source lacks', () => {
    // The words a URL's line break cuts: a search for each must find it.
    const cut = ['www.marxists.org', 'de.wikisource.org', 'Manifest_der_Kommunistischen_Partei_', 'katalog.example.org'];
    for (const engine of ENGINES) {
      const { missing, strays } = figures?.engines[engine] ?? { missing: ['(not read)'], strays: new Map() };
      expect(missing, engine).toEqual([]);
      expect([...strays.keys()], engine).toEqual([]);
    }
    expect(figures?.words).toBeGreaterThan(70);
    for (const word of cut) expect(figures?.engines.poppler.missing, word).not.toContain(word);
  });
});
