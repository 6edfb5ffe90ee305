/**
 * MuPDF's and pdf.js's readings find each word on whichever page it is, in
 * whatever order the words are asked for, and miss only the words no page
 * has: a PDF made here with pdf-lib, a few words a page.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mupdfReading, pdfjsReading } from '../../scripts/bench/readers.ts';

const PAGES = [['bread and roses'], ['solidarity forever'], ['mutual aid'], ['general strike']];
/** Asked for out of the pages' order, so that the search for each starts on a page that does not have it. */
const WORDS = ['aid', 'bread', 'strike', 'solidarity', 'picket', 'general', 'roses', 'mutual', 'boycott'];

let dir: string;
let bytes: Uint8Array;

beforeAll(async () => {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of PAGES) {
    const page = doc.addPage([300, 300]);
    lines.forEach((line, index) => page.drawText(line, { x: 20, y: 260 - index * 20, size: 12, font }));
  }
  bytes = await doc.save();
  dir = await mkdtemp(join(tmpdir(), 'zine-readers-'));
  await writeFile(join(dir, 'words.pdf'), bytes);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the engines’ readings', () => {
  it('MuPDF misses only the words on no page', async () => {
    const reading = await mupdfReading(join(dir, 'words.pdf'), WORDS);
    expect(reading.missing).toEqual(['picket', 'boycott']);
    expect(reading.text).toContain('general strike');
  });

  it('pdf.js misses only the words on no page, and gives the text of every page', async () => {
    const reading = await pdfjsReading(bytes, WORDS);
    expect(reading.missing).toEqual(['picket', 'boycott']);
    for (const [line] of PAGES) expect(reading.text).toContain(line);
  });
});
