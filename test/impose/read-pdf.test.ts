import { readFile } from 'node:fs/promises';
import { PDFDocument, degrees } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../scripts/impose/read-pdf.ts';
import { numberedPdf } from '../../scripts/impose/sample.ts';
import { ContentError } from '../../scripts/util/errors.ts';

const fixture = (name: string) => readFile(new URL(`../fixtures/impose/encrypted/${name}`, import.meta.url));

async function failure(bytes: Uint8Array): Promise<ContentError> {
  const error = await readPdf(bytes, 'in.pdf').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ContentError);
  return error as ContentError;
}

describe('readPdf', () => {
  it('reads every page with its visible size', async () => {
    const { pages } = await readPdf(await numberedPdf(3), 'in.pdf');
    expect(pages.map((p) => p.size)).toEqual([
      { width: 396, height: 612 },
      { width: 396, height: 612 },
      { width: 396, height: 612 },
    ]);
  });

  it('sizes a page by its crop box, turned by its /Rotate', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([700, 500]);
    page.setCropBox(50, 40, 600, 400);
    page.setRotation(degrees(90));
    const { pages } = await readPdf(await doc.save(), 'in.pdf');
    expect(pages[0]).toMatchObject({
      rotate: 90,
      box: { left: 50, bottom: 40, right: 650, top: 440 },
      size: { width: 400, height: 600 },
    });
  });

  it('says when the file is not a PDF', async () => {
    const error = await failure(new TextEncoder().encode('# My essay\n\nSome markdown.'));
    expect(error.message).toBe('in.pdf is not a PDF (it does not start with %PDF-)');
    expect((await failure(new Uint8Array())).message).toContain('not a PDF');
  });

  it('says when the PDF is encrypted, with or without a password to open it', async () => {
    for (const name of ['no-user-password.pdf', 'user-password.pdf']) {
      const error = await failure(await fixture(name));
      expect(error.message).toMatch(/^in\.pdf is encrypted; decrypt it first/);
      expect(error.cause).toBeInstanceOf(Error);
    }
  });

  it('says when the PDF is damaged, keeping the parser error as cause', async () => {
    const whole = await numberedPdf(8);
    const truncated = await failure(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(truncated.message).toMatch(/^in\.pdf is damaged or unreadable: .+; rewriting it with qpdf/);
    expect(truncated.cause).toBeInstanceOf(Error);

    const headerOnly = await failure(new TextEncoder().encode('%PDF-1.7\n%%EOF\n'));
    expect(headerOnly.message).toContain(': its catalog or page tree is missing or broken;');
  });

  it('says when the PDF has no pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect((await failure(empty)).message).toBe('in.pdf has no pages');
  });

  it('keeps every message to one line', async () => {
    const whole = await numberedPdf(8);
    for (const bytes of [new Uint8Array([1, 2, 3]), whole.subarray(0, 900), whole.subarray(0, whole.length - 300)]) {
      expect((await failure(bytes)).message).not.toContain('\n');
    }
  });
});
