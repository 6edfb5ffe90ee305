import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

export interface Word {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text matrix: [a, b, c, d, x, y]; a < 0 means turned 180°. */
  transform: number[];
}

export interface PdfPage {
  width: number;
  height: number;
  words: Word[];
  /** All text of the page, soft hyphens removed and words joined by spaces. */
  text: string;
}

/** Reads every page's size and text (with positions, origin bottom left) as a reader's viewer would. */
export async function readPages(bytes: Uint8Array): Promise<PdfPage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0 }).promise;
  const pages: PdfPage[] = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const words: Word[] = [];
    let raw = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      raw += item.str + (item.hasEOL ? '\n' : '');
      if (item.str.trim() === '') continue;
      const transform = item.transform as number[];
      words.push({ str: item.str, x: transform[4] ?? 0, y: transform[5] ?? 0, width: item.width, height: item.height, transform });
    }
    const text = raw
      .replace(/\u00ad/g, '')
      .replace(/-\n/g, '-')
      .replace(/\s+/g, ' ')
      .normalize('NFC');
    pages.push({ width: x1 - x0, height: y1 - y0, words, text });
  }
  await doc.destroy();
  return pages;
}

/** Every font dictionary in the file, and whether its glyphs are embedded. */
export async function fontsOf(bytes: Uint8Array): Promise<{ name: string; embedded: boolean }[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const fonts: { name: string; embedded: boolean }[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const subtype = object.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Type0')) continue; // its descendant font is checked on its own
    const descriptorRef = object.get(PDFName.of('FontDescriptor'));
    const descriptor = descriptorRef instanceof PDFRef ? doc.context.lookup(descriptorRef, PDFDict) : undefined;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => descriptor?.has(PDFName.of(key)) ?? false);
    fonts.push({ name: String(object.get(PDFName.of('BaseFont'))), embedded });
  }
  return fonts;
}

/**
 * The widths of the rules drawn on each page, in points: filled or stroked
 * paths at most 1.5 pt high and at least 20 pt wide (a footnote rule, a
 * table's border), as a viewer draws them.
 */
export async function rulesOf(bytes: Uint8Array): Promise<number[][]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const rules: number[][] = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const list = await page.getOperatorList();
    // The scale of the current transformation (pages are drawn unturned).
    let scale = 1;
    const saved: number[] = [];
    const widths: number[] = [];
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[];
      if (fn === OPS.save) saved.push(scale);
      if (fn === OPS.restore) scale = saved.pop() ?? 1;
      if (fn === OPS.transform) scale *= Math.abs(args[0] as number);
      if (fn !== OPS.constructPath) return;
      const box = args[2] as ArrayLike<number> | undefined;
      if (!box || box.length < 4) return;
      const width = ((box[2] as number) - (box[0] as number)) * scale;
      const height = ((box[3] as number) - (box[1] as number)) * scale;
      if (height <= 1.5 && width >= 20) widths.push(width);
    });
    rules.push(widths);
  }
  await doc.destroy();
  return rules;
}

/** An image a page draws: its box in points (origin bottom left) and its pixel size. */
export interface DrawnImage {
  page: number;
  left: number;
  right: number;
  bottom: number;
  top: number;
}

/** Every image each page draws, with its box, as pdf.js's viewer places it (forms and nested transforms followed). */
export async function imagesOf(bytes: Uint8Array): Promise<DrawnImage[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const images: DrawnImage[] = [];
  const multiply = (m: number[], n: number[]): number[] => [
    (m[0] as number) * (n[0] as number) + (m[1] as number) * (n[2] as number),
    (m[0] as number) * (n[1] as number) + (m[1] as number) * (n[3] as number),
    (m[2] as number) * (n[0] as number) + (m[3] as number) * (n[2] as number),
    (m[2] as number) * (n[1] as number) + (m[3] as number) * (n[3] as number),
    (m[4] as number) * (n[0] as number) + (m[5] as number) * (n[2] as number) + (n[4] as number),
    (m[4] as number) * (n[1] as number) + (m[5] as number) * (n[3] as number) + (n[5] as number),
  ];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const page = await doc.getPage(number);
    const list = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const saved: number[][] = [];
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[];
      if (fn === OPS.save) saved.push(ctm);
      if (fn === OPS.restore) ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0];
      if (fn === OPS.transform) ctm = multiply(args as number[], ctm);
      if (fn === OPS.paintFormXObjectBegin) {
        saved.push(ctm);
        const matrix = args[0] as number[] | null;
        if (matrix) ctm = multiply(matrix, ctm);
      }
      if (fn === OPS.paintFormXObjectEnd) ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0];
      if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) return;
      const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([x, y]) => [
        (x as number) * (ctm[0] as number) + (y as number) * (ctm[2] as number) + (ctm[4] as number),
        (x as number) * (ctm[1] as number) + (y as number) * (ctm[3] as number) + (ctm[5] as number),
      ]);
      const xs = corners.map((corner) => corner[0] as number);
      const ys = corners.map((corner) => corner[1] as number);
      images.push({ page: number, left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) });
    });
  }
  await doc.destroy();
  return images;
}
