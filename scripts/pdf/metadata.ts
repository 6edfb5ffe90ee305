import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  /** Omitted when the author is not known. */
  author?: string;
  /** Usually the subtitle. */
  subject?: string;
  /** BCP 47 language tag, written as the catalog's /Lang. */
  lang: string;
  keywords?: string[];
  /** The date the PDF says it was made; fixed so that builds are reproducible. */
  date: Date;
}

export const PRODUCER = 'Zinepress (Paged.js 0.4.3, Chromium, pdf-lib)';

/**
 * Sets the document information, the language, and a document ID derived from
 * the content, so that the same input gives the same bytes. Chromium's own
 * XMP packet (which carries a random ID and the wall-clock time) is dropped.
 */
export function setMetadata(doc: PDFDocument, meta: PdfMetadata): void {
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author !== undefined) doc.setAuthor(meta.author);
  if (meta.subject !== undefined) doc.setSubject(meta.subject);
  if (meta.keywords !== undefined) doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.lang);
  doc.setCreator('Zinepress');
  doc.setProducer(PRODUCER);
  doc.setCreationDate(meta.date);
  doc.setModificationDate(meta.date);
  doc.catalog.delete(PDFName.of('Metadata'));
}

/** A stable /ID pair: a hash of what the document was made from (`seed`). */
export function setDocumentId(doc: PDFDocument, seed: string): void {
  const digest = createHash('sha256').update(seed).digest('hex').slice(0, 32);
  const id = PDFHexString.of(digest);
  doc.context.trailerInfo.ID = doc.context.obj([id, id]) as PDFArray;
}

