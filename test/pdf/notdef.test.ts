/**
 * The check after layout: a glyph drawn as .notdef (glyph id 0, an empty box)
 * in an embedded font fails with the character, its place in the source and
 * the font to add.
 */
import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { checkDrawnGlyphs, notdefGlyphs } from '../../scripts/pdf/notdef.ts';

/**
 * A one-page PDF drawing glyphs `drawn` (hex, Identity-H) in a span whose
 * ActualText is `actual`, in a font dictionary as Chromium writes one
 * (Type0, Identity-H, CIDToGIDMap Identity; its program left out).
 */
async function pdfWith(drawn: string, actual: string, gids?: number[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const { context } = doc;
  // With `gids`, code n draws glyph gids[n] (a CIDToGIDMap stream) rather than glyph n.
  const map = gids ? context.register(context.flateStream(new Uint8Array(gids.flatMap((gid) => [gid >> 8, gid & 0xff])))) : 'Identity';
  const descendant = context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+SourceSerif4-Regular', CIDToGIDMap: map, DW: 500 });
  const font = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+SourceSerif4-Regular', Encoding: 'Identity-H', DescendantFonts: [context.register(descendant)] });
  const page = doc.addPage([200, 200]);
  page.node.setFontDictionary(PDFName.of('F1'), context.register(font));
  const hex = [...actual].map((char) => (char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
  page.node.addContentStream(context.register(context.flateStream(`BT /F1 12 Tf 20 80 Td /Span <</ActualText <FEFF${hex}>>> BDC <${drawn}> Tj EMC ET`)));
  return PDFDocument.load(await doc.save());
}

const SOURCE = { path: 'source/handout.md', text: '---\ntitle: Handout\n---\n\nWe say ab and\n\nকাজ\n' };

describe('the check after layout', () => {
  it('passes a page whose glyphs are all in its font', async () => {
    const doc = await pdfWith('0045', 'a');
    expect(notdefGlyphs(doc)).toEqual([]);
    await expect(checkDrawnGlyphs(doc, SOURCE)).resolves.toBeUndefined();
  });

  it('finds a .notdef among other glyphs, and one a font maps another code to', async () => {
    // Code 0 inside a longer string, the other codes drawing glyphs.
    expect(notdefGlyphs(await pdfWith('00450000', 'ক'))).toEqual([{ text: 'ক', font: 'SourceSerif4-Regular', page: 1 }]);
    // No four zeros anywhere in the stream, but code 0x45 draws glyph 0 in this font.
    const gids = Array.from({ length: 0x46 }, (_, code) => (code === 0x45 ? 0 : code));
    expect(notdefGlyphs(await pdfWith('0045', 'ক', gids))).toEqual([{ text: 'ক', font: 'SourceSerif4-Regular', page: 1 }]);
    expect(notdefGlyphs(await pdfWith('0044', 'ক', gids))).toEqual([]);
  });

  it('fails on a glyph drawn as .notdef, naming the character, its place and the font to add', async () => {
    const doc = await pdfWith('0000', 'ক');
    expect(notdefGlyphs(doc)).toEqual([{ text: 'ক', font: 'SourceSerif4-Regular', page: 1 }]);
    await expect(checkDrawnGlyphs(doc, SOURCE)).rejects.toThrow(
      'source/handout.md:7:1: U+0995 BENGALI LETTER KA has no glyph in SourceSerif4-Regular, which drew it, and prints as an empty box: ' +
        'add a font for the Bengali script (e.g. @fontsource/noto-sans-bengali) to scripts/fonts/catalog.ts',
    );
  });
});
