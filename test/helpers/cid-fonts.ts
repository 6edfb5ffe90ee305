/**
 * Content streams as the text layer's tests read them: a Type0 font as
 * Chromium writes one, and each glyph a stream draws, with its place and
 * what it reads as.
 */
import { PDFDocument } from 'pdf-lib';
import { CidFont } from '../../scripts/pdf/cid-font.ts';
import { codesOf, operations } from '../../scripts/pdf/content-stream.ts';

/** A Type0 font as Chromium writes one: Identity-H; `widths` a W array, `toUnicode` the body of its bfchar block. */
export async function testCidFont(widths: (number | number[])[], toUnicode: string): Promise<CidFont> {
  const doc = await PDFDocument.create();
  const { context } = doc;
  const descendant = context.obj({ Type: 'Font', Subtype: 'CIDFontType2', BaseFont: 'AAAAAA+Test', CIDToGIDMap: 'Identity', DW: 0, W: widths });
  const lines = toUnicode.trim().split('\n').filter((line) => line !== '');
  const cmap = context.flateStream(`${lines.length} beginbfchar\n${lines.join('\n')}\nendbfchar`);
  const dict = context.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: 'AAAAAA+Test', Encoding: 'Identity-H', DescendantFonts: [context.register(descendant)], ToUnicode: context.register(cmap) });
  const cidFont = CidFont.of(context, dict, (text) => text);
  if (!cidFont) throw new Error('not a CID font');
  return cidFont;
}

export interface DrawnGlyph {
  gid: number;
  /** In the page's space: the last Tm's origin, y upwards, to a thousandth. */
  x: number;
  y: number;
  /** Drawn with a text rendering mode other than 3. */
  seen: boolean;
  /** Its ToUnicode text. */
  reads: string;
}

/** Each glyph the stream draws in `cidFont`, by the PDF rules for Tm, Td, Tj, TJ and Tr (no other text state). */
export function drawnGlyphs(text: string, cidFont: CidFont): DrawnGlyph[] {
  const glyphs: DrawnGlyph[] = [];
  let origin = { x: 0, y: 0 };
  let line = { x: 0, y: 0 };
  // A Tj with no Td before it goes on where the last one left off.
  let pen = 0;
  let size = 0;
  let seen = true;
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  const show = (hex: string): void => {
    for (const code of codesOf(hex)) {
      glyphs.push({ gid: cidFont.gid(code), x: round(origin.x + pen), y: round(origin.y - line.y), seen, reads: cidFont.map.get(code) ?? '' });
      pen += (cidFont.width(code) / 1000) * size;
    }
  };
  for (const op of operations(text) ?? []) {
    const [a = '0', b = '0'] = op.operands;
    if (op.operator === 'Tf') size = Number(b);
    if (op.operator === 'Tm') [origin, line, pen] = [{ x: Number(op.operands[4]), y: Number(op.operands[5]) }, { x: 0, y: 0 }, 0];
    if (op.operator === 'Td') [line, pen] = [{ x: line.x + Number(a), y: line.y + Number(b) }, line.x + Number(a)];
    if (op.operator === 'Tr') seen = a !== '3';
    if (op.operator === 'Tj') show(a);
    if (op.operator === 'TJ') {
      // Strings, and numbers between them that move the next glyph back by thousandths of the size.
      for (const [item = ''] of a.matchAll(/<[0-9A-Fa-f]*>|-?[\d.]+/g)) {
        if (item.startsWith('<')) show(item);
        else pen -= (Number(item) / 1000) * size;
      }
    }
  }
  return glyphs;
}
