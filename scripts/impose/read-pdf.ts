/**
 * Loads the PDF to impose and says clearly when it cannot be used: not a PDF,
 * encrypted, damaged, or without pages. Every failure is a ContentError
 * (exit 1) naming the file, with the parser's own error kept as `cause`.
 */
import { EncryptedPDFError, PDFDocument } from 'pdf-lib';
import type { PDFPage, PageBoundingBox } from 'pdf-lib';
import { ContentError } from '../util/errors.ts';
import { READ_AT_ONCE } from '../util/pdf-at-once.ts';
import type { Size } from './geometry.ts';

export interface SourcePage {
  page: PDFPage;
  /** The visible area (the crop box, cut to the trim box when the page has one), in the page's own coordinates. */
  box: PageBoundingBox;
  /** The page's /Rotate: how far a viewer turns it clockwise to show it. */
  rotate: 0 | 90 | 180 | 270;
  /** The page as a reader sees it: the crop box after /Rotate. */
  size: Size;
}

export interface SourcePdf {
  doc: PDFDocument;
  pages: SourcePage[];
}

/** `name` is how the messages refer to the file, usually its path. */
export async function readPdf(bytes: Uint8Array, name: string): Promise<SourcePdf> {
  if (!hasPdfHeader(bytes)) {
    throw new ContentError(`${name} is not a PDF (it does not start with %PDF-)`);
  }
  let doc: PDFDocument;
  let pages: SourcePage[];
  try {
    // Strict parsing: pdf-lib's lenient mode skips what it cannot read and can
    // write broken streams; strict makes that an error instead of stderr noise.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: true, ...READ_AT_ONCE });
    pages = doc.getPages().map(sourcePage);
  } catch (error) {
    if (error instanceof EncryptedPDFError || looksEncrypted(bytes)) {
      throw new ContentError(
        `${name} is encrypted; decrypt it first (for example: qpdf --decrypt IN.pdf OUT.pdf)`,
        { cause: error },
      );
    }
    throw new ContentError(
      `${name} is damaged or unreadable: ${reason(error)}; rewriting it with qpdf IN.pdf OUT.pdf may repair it`,
      { cause: error },
    );
  }
  if (pages.length === 0) throw new ContentError(`${name} has no pages`);
  return { doc, pages };
}

/** Viewers accept the header anywhere in the first kilobyte. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const start = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return start.includes('%PDF-');
}

function sourcePage(page: PDFPage, index: number): SourcePage {
  const crop = normalise(page.getCropBox());
  const media = normalise(page.getMediaBox());
  // A page with bleed is imposed at its trim (pdf-lib gives the crop box when there is no trim box).
  const trim = normalise(page.getTrimBox());
  const box = {
    left: Math.max(crop.left, media.left, trim.left),
    bottom: Math.max(crop.bottom, media.bottom, trim.bottom),
    right: Math.min(crop.right, media.right, trim.right),
    top: Math.min(crop.top, media.top, trim.top),
  };
  const width = box.right - box.left;
  const height = box.top - box.bottom;
  if (!(width > 0 && height > 0)) throw new Error(`page ${index + 1} has an empty page box`);

  const angle = page.getRotation().angle;
  const rotate = (((angle % 360) + 360) % 360) as SourcePage['rotate'];
  if (![0, 90, 180, 270].includes(rotate)) {
    throw new Error(`page ${index + 1} is rotated by ${angle}°, not a multiple of 90°`);
  }
  const size = rotate % 180 === 0 ? { width, height } : { width: height, height: width };
  return { page, box, rotate, size };
}

/**
 * pdf-lib recognises encryption only once it has parsed the whole file, and
 * strict parsing usually stops earlier, at the first encrypted object stream.
 * The trailer, which names the encryption dictionary, is never encrypted.
 */
function looksEncrypted(bytes: Uint8Array): boolean {
  const text = new TextDecoder('latin1').decode(bytes);
  return /\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(text);
}

/** PDF allows a box's corners in either order. */
function normalise(rect: { x: number; y: number; width: number; height: number }): PageBoundingBox {
  const { x, y, width, height } = rect;
  return {
    left: Math.min(x, x + width),
    bottom: Math.min(y, y + height),
    right: Math.max(x, x + width),
    top: Math.max(y, y + height),
  };
}

function reason(error: unknown): string {
  // pdf-lib stumbles into a TypeError when the catalog or page tree is missing.
  if (error instanceof TypeError) return 'its catalog or page tree is missing or broken';
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
