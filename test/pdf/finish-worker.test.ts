/**
 * Finishing a printed PDF in a worker thread (dist/zine.cjs, which the tests'
 * setup compiles): the same bytes as in the build's own thread, the same
 * error for a glyph drawn as an empty box, and a worker that cannot start
 * fails the finish rather than leaving it waiting.
 */
import { join } from 'node:path';
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { finishPdfInWorker, prepareFinishWorker } from '../../scripts/pdf/finish-worker.ts';
import { finishPdf, type FinishOptions } from '../../scripts/pdf/print-pdf.ts';
import { ContentError } from '../../scripts/util/errors.ts';

const bundle = join(import.meta.dirname, '..', '..', 'dist', 'zine.cjs');

/** A one-page PDF as Chromium writes one, drawing glyphs `drawn` (hex, Identity-H) for the text `actual`. */
async function printed(drawn: string, actual: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const { context } = doc;
  const descendant = context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+SourceSerif4-Regular', CIDToGIDMap: 'Identity', DW: 500 });
  const font = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+SourceSerif4-Regular', Encoding: 'Identity-H', DescendantFonts: [context.register(descendant)] });
  const page = doc.addPage([200, 200]);
  page.node.setFontDictionary(PDFName.of('F1'), context.register(font));
  const hex = [...actual].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  page.node.addContentStream(context.register(context.flateStream(`BT /F1 12 Tf 20 80 Td /Span <</ActualText <FEFF${hex}>>> BDC <${drawn}> Tj EMC ET`)));
  return doc.save();
}

const options: FinishOptions = {
  metadata: { title: 'Handout', author: 'A Collective', lang: 'en', date: new Date('2026-05-01T00:00:00Z') },
  bookmarks: [{ title: 'First part', level: 2, page: 1 }],
  idSeed: 'handout',
  source: { path: 'source/handout.md', text: '---\ntitle: Handout\n---\n\nWe say ab and\n\nকাজ\n' },
};

describe('finishing the printed PDF in a worker', () => {
  it('makes the same bytes as the build\'s own thread: metadata, outline, text layer', async () => {
    const input = await printed('0045', 'a');
    prepareFinishWorker({ bundle });
    const [inWorker, inThread] = await Promise.all([finishPdfInWorker(input, options, { bundle }), finishPdf(input, options)]);
    expect(Buffer.from(inWorker).equals(Buffer.from(inThread))).toBe(true);
    const doc = await PDFDocument.load(inWorker);
    expect(doc.getTitle()).toBe('Handout');
    expect(doc.catalog.get(PDFName.of('Outlines'))).toBeDefined();
  });

  it('fails as the build\'s own thread does on a glyph drawn as an empty box: a content error, the same message', async () => {
    const input = await printed('0000', 'ক');
    const inThread = await finishPdf(input, options).then(() => undefined, (error: unknown) => error);
    const inWorker = await finishPdfInWorker(input, options, { bundle }).then(() => undefined, (error: unknown) => error);
    expect(inThread).toBeInstanceOf(ContentError);
    expect(inWorker).toBeInstanceOf(ContentError);
    expect((inWorker as ContentError).message).toBe((inThread as ContentError).message);
    expect((inWorker as ContentError).message).toMatch(/^source\/handout\.md:7:1: /);
  });

  it('fails when its worker cannot load the bundle', async () => {
    const input = await printed('0045', 'a');
    await expect(finishPdfInWorker(input, options, { bundle: join(import.meta.dirname, 'no-such-bundle.cjs') })).rejects.toThrow();
  });
});
