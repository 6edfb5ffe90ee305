/**
 * Makes the diagrams of the README's "Printing and folding": the numbered sample imposed, with
 * labels, rendered to PNG. Run by hand after a change to the layouts:
 *
 *   npx tsx scripts/impose/diagrams.ts
 *
 * Needs pdftoppm (poppler-utils); nothing else in the project does.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, grayscale } from 'pdf-lib';
import type { PDFFont, PDFPage } from 'pdf-lib';
import { DIAGRAMS_DIR } from '../util/project-root.ts';
import { imposeFlipBook } from './flip-book.ts';
import { imposePdf } from './impose.ts';
import type { ImposeOptions } from './plan.ts';
import { HALF_LETTER, MINI_LETTER, numberedPdf } from './sample.ts';

const GAP = 28;
const LABEL = 11;

interface Diagram {
  file: string;
  title: string;
  pages: number;
  pageSize: { width: number; height: number };
  options: ImposeOptions;
  /** A label for each output page (each sheet side), in order. */
  labels: string[];
  columns: number;
  /** Sheet points to diagram points. */
  scale: number;
  /** Lines under the picture. */
  note: string[];
  /** A flip-book: the second text's page count, its pages numbered from 101. Default: none, `pages` imposed alone. */
  second?: number;
}

const DIAGRAMS: Diagram[] = [
  {
    file: 'booklet.png',
    title: 'Booklet: 8 pages on 2 letter sheets, both sides (flip on short edge)',
    pages: 8,
    pageSize: HALF_LETTER,
    options: { layout: 'booklet' },
    labels: ['Sheet 1, front (outside)', 'Sheet 1, back', 'Sheet 2, front', 'Sheet 2, back'],
    columns: 2,
    scale: 0.42,
    note: ['Stack sheet 2 inside sheet 1, fold along the spine ticks, staple on the fold.'],
  },
  {
    file: 'booklet-long-edge.png',
    title: 'The same with --duplex long: every back side turned 180°',
    pages: 8,
    pageSize: HALF_LETTER,
    options: { layout: 'booklet', duplex: 'long' },
    labels: ['Sheet 1, front', 'Sheet 1, back', 'Sheet 2, front', 'Sheet 2, back'],
    columns: 2,
    scale: 0.42,
    note: ['For printers that can only flip on the long edge.'],
  },
  {
    file: 'mini.png',
    title: 'Mini zine: 8 pages on one side of one letter sheet',
    pages: 8,
    pageSize: MINI_LETTER,
    options: { layout: 'mini' },
    labels: ['The sheet: dashed lines fold, the solid line is cut'],
    columns: 1,
    scale: 0.6,
    note: ['Top row upside down: 5 4 3 2. Bottom row upright: 6 7 8 1.', '1 is the front cover, 8 the back cover.'],
  },
  {
    file: 'mini16.png',
    title: '16-page zine: 16 pages on both sides of one letter sheet (flip on short edge)',
    pages: 16,
    pageSize: MINI_LETTER,
    options: { layout: 'mini16' },
    labels: ['Front: solid lines are cut, dashed lines fold', 'Back'],
    columns: 2,
    scale: 0.42,
    note: [
      'Cut along the two solid lines into four pieces. Stack them face down: top left at the bottom,',
      'then top right, bottom left, bottom right. Fold the stack along the dashed line; 1 is the cover.',
    ],
  },
  {
    file: 'booklet-right.png',
    title: 'Booklet bound on the right (--binding right): every side mirrored',
    pages: 8,
    pageSize: HALF_LETTER,
    options: { layout: 'booklet', binding: 'right' },
    labels: ['Sheet 1, front (outside)', 'Sheet 1, back', 'Sheet 2, front', 'Sheet 2, back'],
    columns: 2,
    scale: 0.42,
    note: ['For right-to-left scripts: the front cover on the left half, the spine on its right.'],
  },
  {
    file: 'mini-right.png',
    title: 'Mini zine bound on the right (--binding right): the rows run the other way',
    pages: 8,
    pageSize: MINI_LETTER,
    options: { layout: 'mini', binding: 'right' },
    labels: ['The sheet: dashed lines fold, the solid line is cut'],
    columns: 1,
    scale: 0.6,
    note: ['Top row upside down: 2 3 4 5. Bottom row upright: 1 8 7 6.', '1 is the front cover, bottom left.'],
  },
  {
    file: 'flip-book.png',
    title: 'Flip-book: a text of 6 pages (1–6) and one of 4 (101–104) on 3 letter sheets (flip on short edge)',
    pages: 6,
    second: 4,
    pageSize: HALF_LETTER,
    options: { layout: 'booklet' },
    labels: ['Sheet 1, front (outside)', 'Sheet 1, back', 'Sheet 2, front', 'Sheet 2, back', 'Sheet 3, front', 'Sheet 3, back'],
    columns: 2,
    scale: 0.42,
    note: [
      '101 is the second text\'s cover: the back cover, upside down. Blanks where the texts meet.',
      'Fold as a booklet; turn it over top to bottom to read the second text.',
    ],
  },
];

/** The sample imposed as the diagram says: alone, or as a flip-book of two numbered texts. */
async function imposeSample(diagram: Diagram): Promise<Uint8Array> {
  const first = await numberedPdf(diagram.pages, diagram.pageSize);
  if (diagram.second === undefined) return imposePdf({ ...diagram.options, pdf: first });
  const second = await numberedPdf(diagram.second, diagram.pageSize, 101);
  const { binding, duplex, paper } = diagram.options;
  return (await imposeFlipBook({ first: { pdf: first, name: 'first' }, second: { pdf: second, name: 'second' }, binding, duplex, paper })).pdf;
}

async function drawDiagram(diagram: Diagram): Promise<Uint8Array> {
  const imposed = await imposeSample(diagram);
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const sides = await doc.embedPdf(imposed, diagram.labels.map((_, i) => i));

  const first = sides[0];
  if (first === undefined) throw new Error('nothing imposed');
  const w = first.width * diagram.scale;
  const h = first.height * diagram.scale;
  const rows = Math.ceil(sides.length / diagram.columns);
  const width = GAP + diagram.columns * (w + GAP);
  const height = GAP + 24 + rows * (h + LABEL * 2 + GAP) + diagram.note.length * 14 + 6;
  const page = doc.addPage([width, height]);
  label(page, bold, diagram.title, GAP, height - GAP, 12);

  sides.forEach((side, i) => {
    const x = GAP + (i % diagram.columns) * (w + GAP);
    const top = height - GAP - 24 - Math.floor(i / diagram.columns) * (h + LABEL * 2 + GAP);
    label(page, font, diagram.labels[i] ?? '', x, top - LABEL, LABEL);
    const y = top - LABEL * 1.6 - h;
    page.drawPage(side, { x, y, width: w, height: h });
    page.drawRectangle({ x, y, width: w, height: h, borderColor: grayscale(0.2), borderWidth: 0.75 });
  });
  diagram.note.forEach((line, i) => label(page, font, line, GAP, 16 + (diagram.note.length - 1 - i) * 14, 10));
  return doc.save();
}

function label(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): void {
  page.drawText(text, { x, y, size, font, color: grayscale(0.15) });
}

const work = await mkdtemp(join(tmpdir(), 'zine-diagrams-'));
try {
  for (const diagram of DIAGRAMS) {
    const pdf = join(work, 'diagram.pdf');
    await writeFile(pdf, await drawDiagram(diagram));
    const png = join(DIAGRAMS_DIR, diagram.file);
    execFileSync('pdftoppm', ['-png', '-r', '144', '-singlefile', pdf, png.replace(/\.png$/, '')]);
    console.log(`wrote ${png}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
