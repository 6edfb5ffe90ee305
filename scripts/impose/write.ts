/**
 * Draws a plan into a new PDF. Each source page is embedded once, as a form
 * XObject (embed.ts), and drawn in the slot that wants it: text and vector art
 * stay vector, fonts and images are copied once, and the output stays about
 * as large as the input.
 */
import {
  PDFDocument,
  PDFName,
  clip,
  concatTransformationMatrix,
  drawObject,
  endPath,
  grayscale,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
} from 'pdf-lib';
import type { PDFPage, PDFRef } from 'pdf-lib';
import { setDocumentId } from '../pdf/metadata.ts';
import { savePdf } from '../pdf/save.ts';
import { embedPagesAsForms } from './embed.ts';
import { LINE_STYLES } from './marks.ts';
import type { Line } from './marks.ts';
import type { Plan, Slot } from './plan.ts';
import type { SourcePage, SourcePdf } from './read-pdf.ts';

/**
 * `more`: further PDFs whose pages follow the source's in the plan's page
 * numbers (the flip-book's second text); the document's info is the source's.
 */
export async function writeImposed(source: SourcePdf, plan: Plan, more: readonly SourcePdf[] = []): Promise<Uint8Array> {
  // No clock, no random ID: the same input gives the same bytes.
  const out = await PDFDocument.create({ updateMetadata: false });
  copyDocumentInfo(source.doc, out);

  const sources = [source, ...more];
  const forms = sources.flatMap((each) => embedPagesAsForms(out, each));
  const sourcePages = sources.flatMap((each) => each.pages);

  for (const sheet of plan.sheets) {
    for (const side of sheet.sides) {
      const page = out.addPage([plan.sheet.width, plan.sheet.height]);
      for (const slot of side.slots) {
        if (slot.page === null) continue;
        const form = forms[slot.page];
        const sourcePage = sourcePages[slot.page];
        if (form === undefined || sourcePage === undefined) {
          throw new RangeError(`the plan asks for page ${slot.page + 1}, which the PDF lacks`);
        }
        drawInSlot(page, form, `P${slot.page + 1}`, sourcePage, slot);
      }
      for (const line of side.marks) drawLine(page, line);
    }
  }
  // An ID from what it was made of (the source's ID or title, and the plan): nothing of the machine or the clock.
  const sourceId = sources.map((each) => `${String(each.doc.context.trailerInfo.ID ?? each.doc.getTitle() ?? '')}\n${each.pages.length}`).join('\n');
  setDocumentId(out, `${sourceId}\n${JSON.stringify(plan.options)}\n${plan.sheet.width}×${plan.sheet.height}`);
  return savePdf(out);
}

/**
 * The imposed file is the same work as its source: it keeps the source's
 * title, author, subject, keywords, dates and language.
 */
function copyDocumentInfo(from: PDFDocument, to: PDFDocument): void {
  const title = from.getTitle();
  const author = from.getAuthor();
  const subject = from.getSubject();
  const keywords = from.getKeywords();
  const created = from.getCreationDate();
  const modified = from.getModificationDate();
  if (title !== undefined) to.setTitle(title);
  if (author !== undefined) to.setAuthor(author);
  if (subject !== undefined) to.setSubject(subject);
  if (keywords !== undefined) to.setKeywords([keywords]);
  if (created !== undefined) to.setCreationDate(created);
  if (modified !== undefined) to.setModificationDate(modified);
  const lang = from.catalog.get(PDFName.of('Lang'));
  if (lang !== undefined) to.catalog.set(PDFName.of('Lang'), lang);
}

/**
 * Draws a page's form so that its visible box fills `slot.box`, turned by the
 * slot's turn, less the page's own /Rotate (which turns clockwise).
 *
 * The form is turned about its bottom-left corner, counter-clockwise, so that
 * corner must start where the turned box ends up bottom-left.
 */
function drawInSlot(page: PDFPage, form: PDFRef, name: string, source: SourcePage, slot: Slot): void {
  const angle = (slot.turn - source.rotate + 360) % 360;
  const width = (source.box.right - source.box.left) * slot.scale;
  const height = (source.box.top - source.box.bottom) * slot.scale;
  const { x, y } = slot.box;
  const origin =
    angle === 0 ? { x, y }
    : angle === 90 ? { x: x + height, y }
    : angle === 180 ? { x: x + width, y: y + height }
    : { x, y: y + width };
  // Exact quarter turns: no 6e-17 where a 0 belongs.
  const cos = [1, 0, -1, 0][angle / 90] as number;
  const sin = [0, 1, 0, -1][angle / 90] as number;
  const s = slot.scale;

  page.node.setXObject(PDFName.of(name), form);
  // A page moved toward the spine (creep) is cut at the spine: its inner margin goes into the fold, not over its neighbour.
  const { cell } = slot;
  const within = (a: number, b: number) => a > b - 1e-6;
  const spills = !(within(x, cell.x) && within(y, cell.y) && within(cell.x + cell.width, x + slot.box.width) && within(cell.y + cell.height, y + slot.box.height));
  page.pushOperators(
    pushGraphicsState(),
    ...(spills ? [rectangle(cell.x, cell.y, cell.width, cell.height), clip(), endPath()] : []),
    concatTransformationMatrix(s * cos, s * sin, -s * sin, s * cos, origin.x, origin.y),
    drawObject(name),
    popGraphicsState(),
  );
}

function drawLine(page: PDFPage, line: Line): void {
  const style = LINE_STYLES[line.style];
  page.drawLine({
    start: line.from,
    end: line.to,
    thickness: style.width,
    color: grayscale(style.grey),
    ...(style.dash.length > 0 ? { dashArray: style.dash } : {}),
  });
}
