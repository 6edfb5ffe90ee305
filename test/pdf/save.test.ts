/**
 * A PDF saved as pdf-lib saves it with object streams, its streams deflated
 * by Node's zlib: the same objects, readable by pdf-lib and poppler, and no
 * stream deflated by pako.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream, PDFStream, StandardFonts, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { savePdf } from '../../scripts/pdf/save.ts';

/** A document of `count` pages, each with a line of text (a content stream pdf-lib deflates as it writes). */
async function textDocument(count: number): Promise<PDFDocument> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 1; page <= count; page += 1) doc.addPage([300, 400]).drawText(`page ${page} of ${count}`, { x: 40, y: 300, size: 12, font });
  return doc;
}

/** Each object of a PDF as pdf-lib reads it back: a stream by its decoded bytes, anything else as written. */
async function objectsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const read = (object: PDFObject): string =>
    object instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(object).decode()).toString('latin1') : object.toString();
  return new Map(doc.context.enumerateIndirectObjects().map(([ref, object]) => [ref.toString(), read(object)]));
}

describe('savePdf', () => {
  it('writes the objects pdf-lib writes, packed in object streams', async () => {
    const ours = await savePdf(await textDocument(120));
    const theirs = await (await textDocument(120)).save({ useObjectStreams: true });
    const [mine, reference] = [await objectsOf(ours), await objectsOf(theirs)];
    expect(mine.size).toBeGreaterThan(240);
    expect(mine).toEqual(reference);
    // Fifty objects to a stream: the pages, their dictionaries and the page tree's are more than two hundred.
    expect(Buffer.from(ours).toString('latin1').match(/\/Type \/ObjStm/g)?.length).toBe(Buffer.from(theirs).toString('latin1').match(/\/Type \/ObjStm/g)?.length);
  });

  it('deflates every stream with zlib', async () => {
    const doc = await PDFDocument.load(await savePdf(await textDocument(60)), { updateMetadata: false });
    const streams = doc.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFStream ? [object] : []));
    // The pages' content streams (pdf-lib reads the object and cross-reference streams into its objects).
    expect(streams.length).toBeGreaterThanOrEqual(60);
    for (const stream of streams) {
      expect(stream.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
      const bytes = Buffer.from((stream as PDFRawStream).getContents());
      // zlib deflates the same data to the same bytes; pako's differ.
      expect(deflateSync(inflateSync(bytes)).equals(bytes)).toBe(true);
    }
  });

  it('is read by poppler', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zinepress-save-'));
    try {
      const file = join(dir, 'saved.pdf');
      writeFileSync(file, await savePdf(await textDocument(75)));
      // Nothing said on stderr: an offset of the cross-reference stream that is off makes poppler rebuild it, and say so.
      const text = spawnSync('pdftotext', ['-f', '75', '-l', '75', file, '-'], { encoding: 'utf8' });
      expect([text.stdout.trim(), text.stderr]).toEqual(['page 75 of 75', '']);
      const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info.stderr).toBe('');
      expect(info.stdout).toMatch(/^Pages:\s+75$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
