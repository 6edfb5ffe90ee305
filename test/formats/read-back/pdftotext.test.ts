/**
 * Reading a PDF back with poppler (read-back/pdftotext.ts, printed-text.ts):
 * a long PDF is read by two pdftotext at once, each a half of its pages, and
 * each page is read as soon as poppler has written it; the pages come back
 * the same, in the same order, as from one run over the whole file.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { expect, it } from 'vitest';
import { pageRanges, pdftotextPages } from '../../../scripts/formats/read-back/pdftotext.ts';
import { parseBboxLayout, readPrinted } from '../../../scripts/formats/read-back/printed-text.ts';

/** `count` pages, each with 60 lines of words naming its page, so that poppler's output comes in many pieces. */
async function pagesPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let number = 1; number <= count; number += 1) {
    const page = pdf.addPage([400, 800]);
    page.drawText(`Page ${number} begins`, { x: 20, y: 770, size: 10, font });
    for (let line = 1; line <= 60; line += 1) page.drawText(`café ${number}.${line} déjà vu, naïve rôle & <tags>`, { x: 20, y: 760 - line * 12, size: 9, font });
  }
  return pdf.save();
}

it('halves a long PDF, and reads a short one or one of unknown length in one run', () => {
  expect(pageRanges(112, 16)).toEqual([
    [1, 56],
    [57, 0],
  ]);
  expect(pageRanges(17, 16)).toEqual([
    [1, 9],
    [10, 0],
  ]);
  expect(pageRanges(15, 16)).toEqual([[1, 0]]);
  expect(pageRanges(0, 16)).toEqual([[1, 0]]);
  expect(pageRanges(1, 0)).toEqual([[1, 0]]);
});

it('reads the pages of a long PDF in two halves at once as one run reads them, in order', async () => {
  const pdf = await pagesPdf(40);
  const whole = await readPrinted(pdf, { images: false });
  const halves = await readPrinted(pdf, { images: false, pages: 40 });
  expect(whole).toHaveLength(40);
  expect(whole.map((page) => page.lines[0]?.text)).toEqual(Array.from({ length: 40 }, (_, index) => `Page ${index + 1} begins`));
  expect(whole[39]?.lines.at(-1)?.text).toBe('café 40.60 déjà vu, naïve rôle & <tags>');
  expect(halves).toEqual(whole);
});

it('hands each page on as poppler writes it, the same as the whole output split', async () => {
  const pdf = await pagesPdf(24);
  const handed: string[] = [];
  const lines = await pdftotextPages(pdf, { pages: 24, splitFrom: 2, onPage: (xhtml) => (handed.push(xhtml), parseBboxLayout(xhtml)[0] ?? []) });
  expect(handed).toHaveLength(24);
  expect(handed.every((xhtml) => xhtml.startsWith('<page ') && !xhtml.includes('</page>'))).toBe(true);
  expect(lines.map((page) => page[0]?.text)).toEqual(Array.from({ length: 24 }, (_, index) => `Page ${index + 1} begins`));
  expect(lines).toEqual((await readPrinted(pdf, { images: false })).map((page) => page.lines));
});

it('says what failed when poppler cannot read the file', async () => {
  await expect(readPrinted(new TextEncoder().encode('not a PDF'), { images: false })).rejects.toThrow(/^pdftotext failed on a printed PDF: /);
  await expect(readPrinted(new TextEncoder().encode('not a PDF'), { images: false, pages: 40 })).rejects.toThrow(/^pdftotext failed on a printed PDF: /);
});
