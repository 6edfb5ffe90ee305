import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { decodePDFRawStream, PDFDocument, PDFRawStream } from 'pdf-lib';

/** Every object of the PDF as text, its streams decompressed: what a search of the file could find. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const parts: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (object instanceof PDFRawStream) {
      parts.push(object.dict.toString());
      try {
        parts.push(Buffer.from(decodePDFRawStream(object).decode()).toString('latin1'));
      } catch {
        parts.push(Buffer.from(object.contents).toString('latin1'));
      }
    } else {
      parts.push(object.toString());
    }
  }
  return parts.join('\n');
}

/** The targets of every link annotation, page by page, as a viewer reads them. */
export async function linkTargets(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const targets: string[] = [];
  for (let number = 1; number <= doc.numPages; number += 1) {
    const annotations = (await (await doc.getPage(number)).getAnnotations()) as { subtype: string; url?: string; unsafeUrl?: string; dest?: unknown }[];
    for (const annotation of annotations) {
      if (annotation.subtype !== 'Link') continue;
      targets.push(annotation.unsafeUrl ?? annotation.url ?? `dest:${JSON.stringify(annotation.dest)}`);
    }
  }
  return targets;
}
