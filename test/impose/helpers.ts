/**
 * Test helpers: read an imposed PDF back with pdfjs-dist (an independent
 * reader), and make realistic text PDFs with pdf-lib.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { turnOf, type Quarter } from '../helpers/boxes.ts';
import { readPages } from '../helpers/pdf.ts';

/** A page number found on an output page: where its text starts and how it is turned. */
export interface PlacedNumber {
  n: number;
  x: number;
  y: number;
  /** Counter-clockwise degrees, from the text matrix. */
  turn: Quarter;
  /** The font size as drawn on the sheet. */
  size: number;
}

export interface ReadSheet {
  width: number;
  height: number;
  numbers: PlacedNumber[];
}

/** Every output page's size and the page numbers drawn on it (see sample.ts). */
export async function readBack(pdf: Uint8Array): Promise<ReadSheet[]> {
  const pages = await readPages(pdf);
  return pages.map(({ width, height, words }) => ({
    width,
    height,
    numbers: words
      .filter((word) => /^\d+$/.test(word.str))
      .map((word) => {
        const [a = 1, b = 0] = word.transform;
        return { n: Number(word.str), x: word.x, y: word.y, turn: turnOf(word), size: Math.hypot(a, b) };
      }),
  }));
}

/** The number `n` on a read-back sheet; fails the test if it is missing or doubled. */
export function numberOn(sheet: ReadSheet, n: number): PlacedNumber {
  const found = sheet.numbers.filter((placed) => placed.n === n);
  if (found.length !== 1) throw new Error(`page number ${n} appears ${found.length} times`);
  return found[0] as PlacedNumber;
}

const VOCABULARY = (
  'a about after again against all almost along already also although always among an and another any ' +
  'around as at away back be because been before being below between both but by came can city could ' +
  'day did different does down during each early easy enough even every eye face fact far few find first ' +
  'for found from gave give good great had hand has have he her here high him his home house how however ' +
  'if in into is it its just keep kind knew know land large last later least left less life light like ' +
  'line little long look made make man many may me might more most mother much must my name near never new ' +
  'next night no not nothing now number of off often old on once one only open or other our out over own ' +
  'page paper part people place point press print quite rather read real right room said same saw say ' +
  'school see seemed sheet she should show side since small so some something sometimes soon still story ' +
  'such take than that the their them then there these they thing think this those though thought three ' +
  'through time to together too took toward two under until up upon us use very was water way we well ' +
  'went were what when where which while white who whole why will with within without word work world ' +
  'would write year yet you young zine fold staple ink margin essay column printer letter'
).split(' ');

/** A small seeded generator, so that the "random" prose is the same every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A text PDF like a real essay: A5 pages, each with a running head, three
 * paragraphs of prose (some thirty lines) in a standard font, and a folio.
 */
export async function textPdf(pageCount: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const body = await doc.embedFont(StandardFonts.TimesRoman);
  const heading = await doc.embedFont(StandardFonts.TimesRomanItalic);
  const random = seeded(pageCount);
  let capital = true;
  const nextWord = () => {
    let word = VOCABULARY[Math.floor(random() * VOCABULARY.length)] ?? 'word';
    if (capital) word = word.charAt(0).toUpperCase() + word.slice(1);
    capital = random() < 0.08;
    return capital ? `${word}.` : random() < 0.06 ? `${word},` : word;
  };
  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage([420, 595]);
    page.drawText(`On folding paper, chapter ${Math.ceil(n / 10)}`, { x: 54, y: 545, size: 9, font: heading });
    let y = 510;
    for (let paragraph = 0; paragraph < 3; paragraph++) {
      for (let line = 0; line < 10; line++) {
        const indent = line === 0 ? 18 : 0;
        let text = '';
        for (let word = nextWord(); body.widthOfTextAtSize(`${text} ${word}`, 10.5) < 312 - indent; word = nextWord()) {
          text = text === '' ? word : `${text} ${word}`;
        }
        page.drawText(text, { x: 54 + indent, y, size: 10.5, font: body });
        y -= 14;
      }
      y -= 7;
    }
    page.drawText(String(n), { x: 206, y: 40, size: 9, font: body });
  }
  return doc.save();
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'zine-impose-test-'));
}
