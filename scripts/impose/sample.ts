/**
 * A numbered sample PDF: each page shows its big page number, a frame inset
 * 0.25 in and the word "top" at its top. Imposing it shows at a glance where
 * every page lands and which way up; the tests read the numbers back, and the
 * diagrams in docs/printing are made from it.
 */
import { PDFDocument, StandardFonts, grayscale } from 'pdf-lib';
import type { Size } from './geometry.ts';

/** Half letter, 5.5 × 8.5 in: fills half a landscape letter sheet. */
export const HALF_LETTER: Size = { width: 396, height: 612 };
/** 2.75 × 4.25 in: fills one cell of a mini zine on letter. */
export const MINI_LETTER: Size = { width: 198, height: 306 };

/** `from`: the first page's number (a second text's pages told apart from the first's). Default: 1. */
export async function numberedPdf(pageCount: number, size: Size = HALF_LETTER, from = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const { width, height } = size;
  const numberSize = Math.min(width, height) * 0.4;
  const labelSize = Math.min(width, height) * 0.06;

  for (let n = 1; n <= pageCount; n++) {
    const page = doc.addPage([width, height]);
    page.drawRectangle({
      x: 18,
      y: 18,
      width: width - 36,
      height: height - 36,
      borderColor: grayscale(0.6),
      borderWidth: 1,
    });
    const label = String(from - 1 + n);
    page.drawText(label, {
      x: (width - bold.widthOfTextAtSize(label, numberSize)) / 2,
      y: height / 2 - numberSize * 0.35,
      size: numberSize,
      font: bold,
    });
    page.drawText('top', {
      x: (width - regular.widthOfTextAtSize('top', labelSize)) / 2,
      y: height - 18 - labelSize * 1.5,
      size: labelSize,
      font: regular,
    });
  }
  return doc.save();
}
