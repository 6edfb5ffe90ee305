/**
 * A PDF stream's bytes in and out through Node's zlib. pdf-lib inflates and
 * deflates in JavaScript, several times slower, and a book's pages hold
 * megabytes of content streams: Chromium places every glyph on its own.
 * A stream may be deflated on zlib's own threads (`flateStreamApart`), while
 * the main thread goes on: the same bytes as `flateStream`'s.
 */
import { promisify } from 'node:util';
import { deflate, deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFName, type PDFContext, type PDFRawStream } from 'pdf-lib';
import { operations, type Operation } from './content-stream.ts';

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

/** A page content stream's text, and its operations (see content-stream.ts). */
export interface Content {
  readonly text: string;
  readonly ops: Operation[] | undefined;
}

/**
 * A page content stream's content, inflated once per stream (the glyph check
 * and the text layer both read it), its operations split out when first asked
 * for: a book's operations are hundreds of thousands of objects, and a stream
 * the check can pass without them keeps none alive until the text layer.
 */
const contents = new WeakMap<PDFRawStream, Content>();
export function contentOf(stream: PDFRawStream): Content {
  let content = contents.get(stream);
  if (!content) {
    const text = streamText(stream);
    let ops: Operation[] | undefined | null = null;
    content = {
      text,
      get ops() {
        if (ops === null) ops = operations(text);
        return ops;
      },
    };
    contents.set(stream, content);
  }
  return content;
}

/** A new Flate-compressed stream of latin1 text (or bytes), with the entries of `dict` (default: none) besides. */
export function flateStream(context: PDFContext, content: string | Uint8Array, dict: Parameters<PDFContext['stream']>[1] = {}): PDFRawStream {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'latin1') : content;
  return context.stream(deflateSync(bytes), { ...dict, Filter: 'FlateDecode' });
}

/** zlib's deflate on one of its own threads: the main thread is free meanwhile. */
export const deflateApart = promisify(deflate);

/** As `flateStream`, the text deflated on one of zlib's threads: the main thread is free meanwhile. */
export async function flateStreamApart(context: PDFContext, content: string): Promise<PDFRawStream> {
  return context.stream(await deflateApart(Buffer.from(content, 'latin1')), { Filter: 'FlateDecode' });
}
