/**
 * The text layer's pass over a printed PDF lets node's event loop turn
 * between pages: the tab that printed them takes the gallery's pictures
 * meanwhile, and goes on only as node answers it. A stream's line-end
 * hyphen is drawn with the next line whatever else the stream holds.
 */
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { operations } from '../../scripts/pdf/content-stream.ts';
import { repairedStream, repairToUnicode } from '../../scripts/pdf/to-unicode.ts';
import { drawnGlyphs, testCidFont } from '../helpers/cid-fonts.ts';

describe('repairToUnicode', () => {
  it('lets the event loop turn before each page', async () => {
    const doc = await PDFDocument.create();
    for (let page = 0; page < 6; page += 1) doc.addPage([396, 612]);
    let turns = 0;
    let done = false;
    const tick = (): void => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await repairToUnicode(doc);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(5);
  });

  it('puts each rewritten stream in place, deflated, before it returns', async () => {
    const doc = await PDFDocument.create();
    const { context } = doc;
    const descendant = context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+Test', CIDToGIDMap: 'Identity', DW: 0, W: [0x30, [500], 0x40, [500]] });
    const cmap = context.flateStream('2 beginbfchar\n<0030> <0061>\n<0040> <0062>\nendbfchar');
    const font = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Test', Encoding: 'Identity-H', DescendantFonts: [context.register(descendant)], ToUnicode: context.register(cmap) });
    const pages = [0, 1, 2].map(() => doc.addPage([396, 612]));
    for (const page of pages) {
      page.node.setFontDictionary(PDFName.of('F1'), context.register(font));
      // Two glyphs placed one by one: joined into one TJ (glyph-runs.ts).
      page.node.set(PDFName.of('Contents'), context.register(context.flateStream('BT\n/F1 10 Tf\n1 0 0 -1 100 800 Tm\n<0030> Tj\n5 0 Td <0040> Tj\nET')));
    }
    expect(await repairToUnicode(doc)).toBe(3);
    for (const page of pages) {
      const stream = context.lookup(page.node.get(PDFName.of('Contents')));
      expect(stream).toBeInstanceOf(PDFRawStream);
      expect(inflateSync((stream as PDFRawStream).getContents()).toString('latin1')).toBe('BT\n/F1 10 Tf\n1 0 0 -1 100 800 Tm\n[<0030> <0040>] TJ\nET');
    }
  });
});

/** Code 0x30 reads "a", 0x40 "b", 0xb2 a hyphen. */
const font = () => testCidFont([0x0030, [500], 0x0040, [500], 0x00b2, [300]], `<0030> <0061>\n<0040> <0062>\n<00B2> <002D>`);

// A line that ends in a hyphen, and a next line whose first letter Chromium wrapped, with its Tf and Tm, in an
// ActualText span (a soft hyphen after it): a span left for the cluster rewrite.
const HYPHEN_THEN_SPAN = `BT
/F1 10 Tf
1 0 0 -1 100 800 Tm
<0030> Tj
5 0 Td <0040> Tj
ET
BT
/F1 10 Tf
1 0 0 -1 200 800 Tm
<00b2> Tj
ET
BT
/Span<</ActualText <FEFF006200AD> >> BDC
/F1 10 Tf
1 0 0 -1 100 818 Tm
<0040> Tj
EMC
5 0 Td <0030> Tj
ET`;

describe('repairedStream', () => {
  it('draws a line-end hyphen with the next line where the stream has clusters left to rewrite', async () => {
    const cidFont = await font();
    const fonts = new Map([['F1', cidFont]]);
    const repaired = repairedStream(HYPHEN_THEN_SPAN, operations(HYPHEN_THEN_SPAN), fonts) ?? HYPHEN_THEN_SPAN;
    // MuPDF joins the hyphenated word only when the next line is in the hyphen's text object (hyphen-lines.ts).
    expect(repaired.match(/\bBT\b/g)).toHaveLength(2);
    expect(drawnGlyphs(repaired, cidFont).map(({ gid, x, y }) => ({ gid, x, y }))).toEqual(drawnGlyphs(HYPHEN_THEN_SPAN, cidFont).map(({ gid, x, y }) => ({ gid, x, y })));
  });
});
