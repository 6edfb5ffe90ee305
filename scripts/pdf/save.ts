/**
 * A PDF written as pdf-lib's `save({ useObjectStreams: true })` writes it,
 * each object that is not a stream packed fifty to an object stream and the
 * cross-reference table a stream too, but every stream pdf-lib would deflate
 * itself (those object streams, the cross-reference stream, a content stream
 * pdf-lib made: an imposed sheet's) deflated by Node's zlib on its own
 * threads, several at once: pdf-lib deflates with pako, in JavaScript on the
 * main thread, and a book's object streams took most of its save.
 *
 * The objects, their numbers, their order and the packing are pdf-lib's; only
 * the compressed bytes differ from its (another deflate of the same data).
 */
import {
  PDFCrossRefStream,
  PDFFlateStream,
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFTrailer,
  PDFWriter,
  type PDFContext,
  type PDFDict,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import { deflateApart } from './stream-bytes.ts';

/** Objects to an object stream, as pdf-lib packs them. */
const OBJECTS_PER_STREAM = 50;
const FILTER = PDFName.of('Filter');
const FLATE = PDFName.of('FlateDecode');
const LENGTH = PDFName.of('Length');

type Indirect = [PDFRef, PDFObject];

/** A stream of `bytes`, deflated, with `dict`'s entries (but its Length, set when written) after its Filter. */
async function deflated(context: PDFContext, dict: PDFDict, bytes: Uint8Array): Promise<PDFRawStream> {
  const out = context.obj({ Filter: 'FlateDecode' });
  for (const [key, value] of dict.entries()) if (key !== LENGTH && key !== FILTER) out.set(key, value);
  return PDFRawStream.of(out, await deflateApart(bytes));
}

/** A stream pdf-lib would deflate as it writes it (its Filter set, its contents not yet encoded). */
const deflatedOnWrite = (object: PDFObject): object is PDFFlateStream =>
  object instanceof PDFFlateStream && object.dict.get(FILTER) === FLATE;

/** pdf-lib's writer, with its indirect objects and their sizes as written here. */
class ZlibStreamWriter extends PDFWriter {
  constructor(context: PDFContext) {
    super(context, Infinity);
  }

  protected override async computeBufferSize(): Promise<Awaited<ReturnType<PDFWriter['computeBufferSize']>>> {
    const { context } = this;
    let objectNumber = context.largestObjectNumber + 1;
    // Each object written on its own (a stream, deflated meanwhile) or packed into an object stream, in pdf-lib's order.
    const alone: Promise<Indirect>[] = [];
    const order: ({ alone: number } | { ref: PDFRef; stream: PDFRef; index: number })[] = [];
    const packed: { ref: PDFRef; objects: Indirect[] }[] = [];
    for (const [ref, object] of context.enumerateIndirectObjects()) {
      if (ref === context.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
        order.push({ alone: alone.length });
        alone.push(deflatedOnWrite(object) ? deflated(context, object.dict, object.getUnencodedContents()).then((stream) => [ref, stream]) : Promise.resolve([ref, object]));
        continue;
      }
      let last = packed[packed.length - 1];
      if (!last || last.objects.length === OBJECTS_PER_STREAM) packed.push((last = { ref: PDFRef.of(objectNumber++), objects: [] }));
      order.push({ ref, stream: last.ref, index: last.objects.length });
      last.objects.push([ref, object]);
    }
    const streams = packed.map(async ({ ref, objects }): Promise<Indirect> => {
      const plain = PDFObjectStream.withContextAndObjects(context, objects, false);
      return [ref, await deflated(context, plain.dict, plain.getUnencodedContents())];
    });
    const [apart, objectStreams] = await Promise.all([Promise.all(alone), Promise.all(streams)]);

    // The cross-reference stream's entries by object number, each object's offset the size of what is before it.
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    const xref = PDFCrossRefStream.create(this.createTrailerDict(), false);
    const written: Indirect[] = [];
    const place = (entry: Indirect): void => {
      xref.addUncompressedEntry(entry[0], size);
      size += this.computeIndirectObjectSize(entry);
      written.push(entry);
    };
    for (const item of order) {
      if ('alone' in item) place(apart[item.alone] as Indirect);
      else xref.addCompressedEntry(item.ref, item.stream, item.index);
    }
    for (const entry of objectStreams) place(entry);
    const xrefRef = PDFRef.of(objectNumber++);
    xref.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
    xref.addUncompressedEntry(xrefRef, size);
    const xrefOffset = size;
    // W and Index, from the entries.
    xref.updateDict();
    const xrefStream: Indirect = [xrefRef, await deflated(context, xref.dict, xref.getUnencodedContents())];
    size += this.computeIndirectObjectSize(xrefStream);
    written.push(xrefStream);
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    return { size: size + trailer.sizeInBytes(), header, indirectObjects: written, trailer };
  }
}

/** The document's bytes (see above). */
export async function savePdf(doc: PDFDocument): Promise<Uint8Array> {
  // What pdf-lib's save does first: a document with no page gets one, what was embedded is written in.
  if (doc.getPageCount() === 0) doc.addPage();
  await doc.flush();
  return new ZlibStreamWriter(doc.context).serializeToBuffer();
}

