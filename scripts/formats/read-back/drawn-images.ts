/**
 * The raster images a printed PDF draws, page by page, each with its pixel
 * size and the box it covers on the page. An image is drawn by `Do` in a
 * unit square that the current transformation matrix (the `cm`s before it,
 * saved and restored with q/Q) places on the page: the box is that square's
 * corners taken through the matrix (pdf/stream-walker.ts keeps it). A form
 * drawn by `Do` is walked inside its own matrix. Only pages whose resources
 * name an image or a form are split into operations: a book's other pages are
 * never read past their resource dictionary.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFContext } from 'pdf-lib';
import { operations } from '../../pdf/content-stream.ts';
import { streamText } from '../../pdf/stream-bytes.ts';
import { IDENTITY, multiply, walkStream, type Advances, type Matrix } from '../../pdf/stream-walker.ts';
import { contentRefs } from '../../pdf/to-unicode.ts';
import { READ_AT_ONCE } from '../../util/pdf-at-once.ts';

/** A box on a page, in points from its top left corner (as poppler's text boxes are). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface DrawnImage {
  /** Pixels of the image as embedded. */
  width: number;
  height: number;
  /** Where it is drawn; undefined when the page's content could not be read (an inline image). */
  box: Box | undefined;
}

/** Forms nested deeper than this are not followed (a form that draws itself). */
const MAX_DEPTH = 8;

const numberIn = (dict: PDFDict, key: string): number => dict.lookupMaybe(PDFName.of(key), PDFNumber)?.asNumber() ?? 0;

function matrixOf(dict: PDFDict): Matrix {
  const array = dict.lookupMaybe(PDFName.of('Matrix'), PDFArray);
  const values = array?.asArray().map((item) => (item instanceof PDFNumber ? item.asNumber() : NaN));
  return values?.length === 6 && values.every(Number.isFinite) ? (values as unknown as Matrix) : IDENTITY;
}

/** The image and form streams a resource dictionary names, by name (without the slash). */
function xObjects(context: PDFContext, resources: PDFDict | undefined): Map<string, PDFRawStream> {
  const found = new Map<string, PDFRawStream>();
  const dict = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  for (const [name, value] of dict?.entries() ?? []) {
    const stream = value instanceof PDFRef ? context.lookup(value) : value;
    if (stream instanceof PDFRawStream) found.set(name.decodeText(), stream);
  }
  return found;
}

const subtype = (stream: PDFRawStream): string | undefined => stream.dict.lookupMaybe(PDFName.of('Subtype'), PDFName)?.decodeText();

/** The unit square through `ctm`, as a box from the top left of a page `height` points high. */
function boxOf(ctm: Matrix, height: number): Box {
  const [a, b, c, d, e, f] = ctm;
  const xs = [e, a + e, c + e, a + c + e];
  const ys = [f, b + f, d + f, b + d + f];
  return { left: Math.min(...xs), right: Math.max(...xs), top: height - Math.max(...ys), bottom: height - Math.min(...ys) };
}

/** Walks `content` with the objects of `resources`, adding each image drawn to `drawn`. */
function walkContent(context: PDFContext, content: string, resources: Map<string, PDFRawStream>, matrix: Matrix, height: number, drawn: DrawnImage[], depth: number): void {
  const ops = operations(content);
  if (ops === undefined) {
    // An inline image's bytes in the stream: its images are counted, not placed.
    for (const stream of resources.values()) if (subtype(stream) === 'Image') drawn.push({ width: numberIn(stream.dict, 'Width'), height: numberIn(stream.dict, 'Height'), box: undefined });
    return;
  }
  walkStream<Advances>(ops, () => undefined, (op, _, walk) => {
    if (op.operator !== 'Do') return;
    const stream = resources.get((op.operands[0] ?? '').slice(1));
    if (stream === undefined) return;
    const kind = subtype(stream);
    if (kind === 'Image') {
      drawn.push({ width: numberIn(stream.dict, 'Width'), height: numberIn(stream.dict, 'Height'), box: boxOf(walk.ctm, height) });
    } else if (kind === 'Form' && depth < MAX_DEPTH) {
      const own = stream.dict.lookupMaybe(PDFName.of('Resources'), PDFDict);
      const inner = own === undefined ? resources : xObjects(context, own);
      if (inner.size > 0) walkContent(context, streamText(stream), inner, multiply(matrixOf(stream.dict), walk.ctm), height, drawn, depth + 1);
    }
  }, { matrix });
}

/** Every page's images, in the order each page draws them. */
export async function drawnImages(pdf: Uint8Array): Promise<DrawnImage[][]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false, ...READ_AT_ONCE });
  return doc.getPages().map((page) => {
    const drawn: DrawnImage[] = [];
    const resources = xObjects(doc.context, page.node.Resources());
    if (resources.size === 0) return drawn;
    const content = contentRefs(page.node.get(PDFName.of('Contents')))
      .map((ref) => doc.context.lookup(ref))
      .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
      .map(streamText)
      .join('\n');
    const { x, y, height } = page.getMediaBox();
    // The page's origin at the media box's corner: a box is measured from its top left.
    walkContent(doc.context, content, resources, [1, 0, 0, 1, -x, -y], height, drawn, 0);
    return drawn;
  });
}
