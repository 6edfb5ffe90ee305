import { PDFDocument } from 'pdf-lib';
import type { Page } from 'puppeteer-core';
import { READ_AT_ONCE } from '../util/pdf-at-once.ts';
import { addOutline, type Bookmark } from './outline.ts';
import { setDocumentId, setMetadata, type PdfMetadata } from './metadata.ts';
import { checkDrawnGlyphs } from './notdef.ts';
import { savePdf } from './save.ts';
import { repairToUnicode } from './to-unicode.ts';
import { mark, marked, markedSync } from '../util/timeline.ts';

/**
 * Printing in two steps, so that the tab is free again between them (the
 * gallery takes its pictures there meanwhile, formats/lay-out.ts): Chromium
 * prints the laid-out pages at their CSS page size, then pdf-lib adds what
 * Chromium does not write (bookmarks, metadata, a stable ID), as pagedjs-cli
 * and Vivliostyle CLI do. The PDF is tagged; fonts are embedded; a glyph
 * drawn as an empty box fails the build (notdef.ts).
 */
export interface FinishOptions {
  metadata: PdfMetadata;
  bookmarks: Bookmark[];
  /** What the document was made from; its hash becomes the PDF's /ID. */
  idSeed: string;
  /** The markdown source, where a glyph drawn as an empty box is looked for (none: not checked). */
  source?: { path: string; text: string };
  /** The page as cut, in points, when the pages are printed larger, with bleed: each page gets a TrimBox of this size in the middle of its MediaBox, and a BleedBox of the whole. Default: none, no boxes. */
  trim?: { width: number; height: number } | undefined;
}

/** Chromium's PDF of the laid-out pages, as it writes it. */
export function printPages(page: Page): Promise<Uint8Array> {
  return marked('print (page.pdf)', () => page.pdf({
    preferCSSPageSize: true,
    printBackground: true,
    tagged: true,
    outline: false,
    timeout: 0,
  }));
}

/** The printed PDF, checked, with its text layer repaired and what Chromium does not write added. */
export async function finishPdf(printed: Uint8Array, options: FinishOptions): Promise<Uint8Array> {
  mark('finish begins');
  const doc = await marked('finish: pdf-lib load', () => PDFDocument.load(printed, { updateMetadata: false, ...READ_AT_ONCE }));
  const { source } = options;
  if (source) await marked('finish: glyph check', () => checkDrawnGlyphs(doc, source));
  await marked('finish: text layer', () => repairToUnicode(doc, { source: source?.text }));
  markedSync('finish: metadata, outline, id', () => {
    setMetadata(doc, options.metadata);
    addOutline(doc, options.bookmarks);
    setDocumentId(doc, options.idSeed);
    if (options.trim !== undefined) setPrintBoxes(doc, options.trim);
  });
  return marked('finish: pdf-lib save', () => savePdf(doc));
}

/**
 * What a print shop reads: the TrimBox (the page as cut) in the middle of the
 * MediaBox, and the BleedBox (what may print past the cut) the whole of it.
 * Chromium rounds the printed page to its pixels, so the trim is centred in
 * it rather than measured in from its edge.
 */
function setPrintBoxes(doc: PDFDocument, trim: { width: number; height: number }): void {
  for (const page of doc.getPages()) {
    const { x, y, width, height } = page.getMediaBox();
    page.setBleedBox(x, y, width, height);
    page.setTrimBox(x + (width - trim.width) / 2, y + (height - trim.height) / 2, trim.width, trim.height);
  }
}
