/**
 * A PDF stream's bytes in and out through Node's zlib. pdf-lib inflates and
 * deflates in JavaScript, several times slower, and a book's pages hold
 * megabytes of content streams: Chromium places every glyph on its own.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFName, type PDFContext, type PDFRawStream } from 'pdf-lib';

const FLATE = PDFName.of('FlateDecode');

/** A stream's decoded content. */
export function streamBytes(stream: PDFRawStream): Buffer {
  const { dict } = stream;
  if (dict.get(PDFName.of('Filter')) === FLATE && !dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.getContents());
    } catch {
      // A stream zlib refuses (cut short, say) is read by pdf-lib, which takes what it can.
    }
  }
  return Buffer.from(decodePDFRawStream(stream).decode());
}

/** A stream's decoded content as latin1 text: one character per byte. */
export const streamText = (stream: PDFRawStream): string => streamBytes(stream).toString('latin1');

/** A new Flate-compressed stream of latin1 text (or bytes). */
export function flateStream(context: PDFContext, content: string | Uint8Array): PDFRawStream {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return context.stream(deflateSync(bytes), { Filter: 'FlateDecode' });
}
