/**
 * The whole engine, read back with pdfjs-dist: how many sheets, of what size,
 * and where each numbered page lands and which way up.
 */
import { PDFDocument, PDFName, PDFNumber, PDFRawStream, StandardFonts, degrees } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { imposePdf } from '../../scripts/impose/impose.ts';
import { MINI_LETTER, numberedPdf } from '../../scripts/impose/sample.ts';
import { ContentError } from '../../scripts/util/errors.ts';
import { numberOn, readBack, textPdf } from './helpers.ts';
import type { ReadSheet } from './helpers.ts';

/** Which cell of a sheet cut into `columns` × `rows` holds the number: "left", "right" or "row,column". */
function halfOf(sheet: ReadSheet, n: number): { half: 'left' | 'right'; turn: number } {
  const placed = numberOn(sheet, n);
  return { half: placed.x < sheet.width / 2 ? 'left' : 'right', turn: placed.turn };
}

describe('imposePdf, booklet', () => {
  it('prints 8 half-letter pages on 2 letter sheets, both sides, in pdfjam order', async () => {
    const sheets = await readBack(await imposePdf({ pdf: await numberedPdf(8), layout: 'booklet' }));
    expect(sheets.map((s) => [s.width, s.height])).toEqual([
      [792, 612],
      [792, 612],
      [792, 612],
      [792, 612],
    ]);
    const sides = [
      [8, 1],
      [2, 7],
      [6, 3],
      [4, 5],
    ];
    sides.forEach(([left, right], i) => {
      const sheet = sheets[i] as ReadSheet;
      expect(sheet.numbers.map((p) => p.n).sort((a, b) => a - b)).toEqual([left, right].sort((a, b) => (a ?? 0) - (b ?? 0)));
      expect(halfOf(sheet, left as number)).toEqual({ half: 'left', turn: 0 });
      expect(halfOf(sheet, right as number)).toEqual({ half: 'right', turn: 0 });
    });
  });

  it('draws a half-letter page at full size, in the middle of its half', async () => {
    const [front] = await readBack(await imposePdf({ pdf: await numberedPdf(4), layout: 'booklet' }));
    const [original] = await readBack(await numberedPdf(4));
    const source = numberOn(original as ReadSheet, 1);
    const placed = numberOn(front as ReadSheet, 1);
    expect(placed.size).toBeCloseTo(source.size, 6);
    expect(placed.x).toBeCloseTo(396 + source.x, 6);
    expect(placed.y).toBeCloseTo(source.y, 6);
  });

  it('turns the back sides 180° for long-edge duplex, swapping their halves', async () => {
    const sheets = await readBack(await imposePdf({ pdf: await numberedPdf(8), layout: 'booklet', duplex: 'long' }));
    const [front, back] = sheets as [ReadSheet, ReadSheet];
    expect(halfOf(front, 8)).toEqual({ half: 'left', turn: 0 });
    expect(halfOf(front, 1)).toEqual({ half: 'right', turn: 0 });
    expect(halfOf(back, 7)).toEqual({ half: 'left', turn: 180 });
    expect(halfOf(back, 2)).toEqual({ half: 'right', turn: 180 });
  });

  it('uses landscape A4 sheets with paper a4', async () => {
    const sheets = await readBack(await imposePdf({ pdf: await numberedPdf(5), layout: 'booklet', paper: 'a4' }));
    expect(sheets).toHaveLength(4);
    for (const sheet of sheets) expect([sheet.width, sheet.height]).toEqual([842, 595]);
  });

  it('keeps the last page on the back cover with keepLast 1, blanks inside', async () => {
    // 5 pages: padded to 8 as 1 2 3 4 _ _ _ 5.
    const sheets = await readBack(await imposePdf({ pdf: await numberedPdf(5), layout: 'booklet', keepLast: 1 }));
    const [outside, inside, innerFront, innerBack] = sheets as [ReadSheet, ReadSheet, ReadSheet, ReadSheet];
    expect(halfOf(outside, 5)).toEqual({ half: 'left', turn: 0 });
    expect(halfOf(outside, 1)).toEqual({ half: 'right', turn: 0 });
    expect(inside.numbers.map((p) => p.n)).toEqual([2]);
    expect(innerFront.numbers.map((p) => p.n)).toEqual([3]);
    expect(innerBack.numbers.map((p) => p.n)).toEqual([4]);
  });

  it('shows a page with /Rotate upright, sized as a viewer shows it', async () => {
    // A landscape page whose content is drawn sideways and turned upright by /Rotate 90.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([612, 396]);
    page.drawText('42', { x: 300, y: 100, size: 40, font, rotate: degrees(90) });
    page.setRotation(degrees(90));
    const [front] = await readBack(await imposePdf({ pdf: await doc.save(), layout: 'booklet' }));
    const placed = numberOn(front as ReadSheet, 42);
    expect(placed.turn).toBe(0);
    expect(placed.size).toBeCloseTo(40, 6);
    expect(placed.x).toBeGreaterThan(396);
  });
});

describe('imposePdf, mini', () => {
  it('puts 8 pages on one letter sheet: 5 4 3 2 turned over 6 7 8 1', async () => {
    const sheets = await readBack(await imposePdf({ pdf: await numberedPdf(8, MINI_LETTER), layout: 'mini' }));
    expect(sheets).toHaveLength(1);
    const sheet = sheets[0] as ReadSheet;
    expect([sheet.width, sheet.height]).toEqual([792, 612]);
    const cellOf = (n: number) => {
      const placed = numberOn(sheet, n);
      return {
        row: placed.y > sheet.height / 2 ? 'top' : 'bottom',
        column: Math.floor(placed.x / (sheet.width / 4)),
        turn: placed.turn,
      };
    };
    // A turned number's text starts at its right end, still inside its cell.
    expect([5, 4, 3, 2].map(cellOf)).toEqual([0, 1, 2, 3].map((column) => ({ row: 'top', column, turn: 180 })));
    expect([6, 7, 8, 1].map(cellOf)).toEqual([0, 1, 2, 3].map((column) => ({ row: 'bottom', column, turn: 0 })));
  });

  it('uses a landscape A4 sheet with paper a4', async () => {
    const [sheet] = await readBack(await imposePdf({ pdf: await numberedPdf(3), layout: 'mini', paper: 'a4' }));
    expect([sheet?.width, sheet?.height]).toEqual([842, 595]);
    expect(sheet?.numbers.map((p) => p.n).sort()).toEqual([1, 2, 3]);
  });

  it('refuses 9 pages, suggesting the booklet', async () => {
    const attempt = imposePdf({ pdf: await numberedPdf(9), layout: 'mini' });
    await expect(attempt).rejects.toThrow(ContentError);
    await expect(attempt).rejects.toThrow(/has 9 pages.*--layout booklet/);
  });
});

describe('imposePdf output', () => {
  it('embeds each source page once and draws it as vector, not as an image', async () => {
    const imposed = await imposePdf({ pdf: await textPdf(12), layout: 'booklet' });
    const out = await PDFDocument.load(imposed);
    const forms = out.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'));
    expect(forms).toHaveLength(12);

    const doc = await getDocument({ data: imposed.slice(), verbosity: 0 }).promise;
    for (let i = 1; i <= doc.numPages; i++) {
      const ops = (await (await doc.getPage(i)).getOperatorList()).fnArray;
      expect(ops).toContain(OPS.paintFormXObjectBegin);
      expect(ops).not.toContain(OPS.paintImageXObject);
    }
    await doc.destroy();
  });

  it('is at most 1.1 × the size of a text PDF', async () => {
    const input = await textPdf(120);
    for (const layout of ['booklet'] as const) {
      const output = await imposePdf({ pdf: input, layout });
      expect(output.length).toBeLessThanOrEqual(input.length * 1.1);
    }
    const eight = await textPdf(8);
    expect((await imposePdf({ pdf: eight, layout: 'mini' })).length).toBeLessThanOrEqual(eight.length * 1.1);
  });

  it('gives the same bytes for the same input', async () => {
    const input = await numberedPdf(6);
    const once = await imposePdf({ pdf: input, layout: 'booklet', keepLast: 2 });
    const again = await imposePdf({ pdf: input, layout: 'booklet', keepLast: 2 });
    expect(Buffer.from(once).equals(Buffer.from(again))).toBe(true);
  });

  it('joins a page content split over several streams, and takes a page with none', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const split = doc.addPage([396, 612]);
    split.node.setFontDictionary(PDFName.of('F1'), font.ref);
    const parts = ['BT /F1 40 Tf 100 300 Td', '(42) Tj ET'].map((part) => doc.context.register(doc.context.flateStream(part)));
    split.node.set(PDFName.of('Contents'), doc.context.obj(parts));
    doc.addPage([396, 612]);
    const sheets = await readBack(await imposePdf({ pdf: await doc.save(), layout: 'booklet' }));
    const placed = numberOn(sheets[0] as ReadSheet, 42);
    expect([placed.x, placed.y, placed.turn]).toEqual([396 + 100, 300, 0]);
  });

  it('uses resources inherited from the page tree, copied once for all pages', async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    for (const n of [1, 2]) {
      const page = doc.addPage([396, 612]);
      page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(`BT /F1 40 Tf 100 300 Td (${n}) Tj ET`)));
      page.node.delete(PDFName.of('Resources'));
    }
    doc.catalog.Pages().set(PDFName.of('Resources'), doc.context.obj({ Font: { F1: font.ref } }));
    const imposed = await imposePdf({ pdf: await doc.save(), layout: 'booklet' });

    const [front, back] = (await readBack(imposed)) as [ReadSheet, ReadSheet];
    expect(numberOn(front, 1)).toMatchObject({ x: 396 + 100, y: 300, turn: 0 });
    expect(numberOn(back, 2)).toMatchObject({ x: 100, y: 300, turn: 0 });
    const out = await PDFDocument.load(imposed);
    const resources = out.context
      .enumerateIndirectObjects()
      .filter(([, object]) => object instanceof PDFRawStream && object.dict.get(PDFName.of('Subtype')) === PDFName.of('Form'))
      .map(([, form]) => String((form as PDFRawStream).dict.get(PDFName.of('Resources'))));
    expect(resources).toHaveLength(2);
    expect(resources[0]).toMatch(/^\d+ 0 R$/);
    expect(resources[1]).toBe(resources[0]);
  });

  it('reports a page whose contents are not a stream as damaged', async () => {
    const doc = await PDFDocument.create();
    doc.addPage([300, 300]).node.set(PDFName.of('Contents'), PDFNumber.of(7));
    await expect(imposePdf({ pdf: await doc.save(), layout: 'booklet', name: 'in.pdf' })).rejects.toThrow(
      /^in\.pdf is damaged or unreadable: /,
    );
  });
});
