/**
 * Turns a source page into a form XObject of the output PDF: the page's
 * content stream and its resources, nothing else. Drawn in a slot, the form
 * keeps text and vector art as they were.
 *
 * pdf-lib's own embedPages copies the whole page object first (its content
 * streams, annotations and, through link annotations, other pages) and then
 * re-encodes the contents into a new stream: every copied stream stays in the
 * file unused, and a text PDF came out 2.7 times its size. Copying only the
 * two parts a form needs keeps the output about as large as the input.
 */
import {
  PDFDict,
  PDFFlateStream,
  PDFName,
  PDFObjectCopier,
  PDFRawStream,
  PDFRef,
  PDFStream,
  decodePDFRawStream,
} from 'pdf-lib';
import type { PDFDocument, PDFObject, PDFPage } from 'pdf-lib';
import { flateStream } from '../pdf/stream-bytes.ts';
import type { SourcePage, SourcePdf } from './read-pdf.ts';

/**
 * Embeds every page with one copier, so that fonts and images the pages
 * share are copied once. Returns the form of each page, in page order.
 */
export function embedPagesAsForms(out: PDFDocument, source: SourcePdf): PDFRef[] {
  const copier = PDFObjectCopier.for(source.doc.context, out.context);
  const resources = new Map<PDFObject, PDFRef>();
  return source.pages.map((page) => embedPage(out, copier, resources, page));
}

function embedPage(
  out: PDFDocument,
  copier: PDFObjectCopier,
  resources: Map<PDFObject, PDFRef>,
  source: SourcePage,
): PDFRef {
  const { page, box } = source;
  const atOrigin = box.left === 0 && box.bottom === 0;
  const group = page.node.lookup(PDFName.of('Group'));
  const dict = {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [box.left, box.bottom, box.right, box.top],
    // Moves the visible box's bottom-left corner to (0, 0); the identity is the default.
    ...(atOrigin ? {} : { Matrix: [1, 0, 0, 1, -box.left, -box.bottom] }),
    Resources: resourcesOf(out, copier, resources, page),
    ...(group instanceof PDFDict ? { Group: copier.copy(group) } : {}),
  };
  const streams = contentStreams(page);
  const [only] = streams;
  const form =
    streams.length === 1 && only instanceof PDFRawStream
      ? // One stream as read from the file: keep its bytes, still compressed.
        out.context.stream(only.contents, { ...dict, ...encodingOf(copier, only.dict) })
      : flateStream(out.context, joined(streams.map(decoded)), dict);
  return out.context.register(form);
}

/**
 * The page's resources (its own or inherited from the page tree) as one
 * indirect object, shared by the forms of pages that share it. A form's own
 * dictionary cannot go into a compressed object stream; an indirect resource
 * dictionary can, and some list dozens of fonts.
 *
 * pdf-lib's PDFPageLeaf.normalize() is not used: it would wrap the contents in
 * extra q … Q streams and turn shared resources into per-page copies.
 */
function resourcesOf(
  out: PDFDocument,
  copier: PDFObjectCopier,
  done: Map<PDFObject, PDFRef>,
  page: PDFPage,
): PDFRef {
  const resources = page.node.getInheritableAttribute(PDFName.of('Resources')) ?? PDFDict.withContext(page.doc.context);
  let ref = done.get(resources);
  if (ref === undefined) {
    const copy = copier.copy(resources);
    ref = copy instanceof PDFRef ? copy : out.context.register(copy);
    done.set(resources, ref);
  }
  return ref;
}

/** The page's content streams, in order: none, one or several. */
function contentStreams(page: PDFPage): PDFStream[] {
  const contents = page.node.Contents();
  if (contents === undefined) return [];
  if (contents instanceof PDFStream) return [contents];
  return contents.asArray().map((item) => {
    const stream = page.doc.context.lookup(item);
    if (!(stream instanceof PDFStream)) throw new Error('a page has contents that are not a stream');
    return stream;
  });
}

/** The entries that say how a stream's bytes are encoded. */
function encodingOf(copier: PDFObjectCopier, dict: PDFDict): Record<string, PDFObject> {
  const encoding: Record<string, PDFObject> = {};
  for (const key of ['Filter', 'DecodeParms']) {
    const value = dict.get(PDFName.of(key));
    if (value !== undefined) encoding[key] = copier.copy(value);
  }
  return encoding;
}

function decoded(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  // A stream pdf-lib made itself (it may wrap a page's contents in q … Q).
  if (stream instanceof PDFFlateStream) return stream.getUnencodedContents();
  throw new Error('a page has a content stream of an unknown kind');
}

/** Streams read as one: a newline between parts, so no token runs into the next. */
function joined(parts: Uint8Array[]): Uint8Array {
  const length = parts.reduce((sum, part) => sum + part.length + 1, 0);
  const all = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    all[offset + part.length] = 0x0a;
    offset += part.length + 1;
  }
  return all;
}
