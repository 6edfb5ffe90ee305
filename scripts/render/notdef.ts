/**
 * After layout, every glyph drawn is checked in the fonts that drew it: a
 * glyph id 0 (.notdef, an empty box) in an embedded font fails the build,
 * naming the character (from the ActualText of the span that draws it, else
 * the font's ToUnicode entry), its place in the source, and the font to
 * add, as the check before layout does (markdown/glyphs.ts). The check
 * before layout asks the planned faces; this one asks what Chromium drew.
 */
import { PDFDict, PDFName, PDFRawStream, PDFRef, decodePDFRawStream, type PDFDocument } from 'pdf-lib';
import { missingGlyphReason } from '../fonts/coverage.ts';
import { pointAt } from '../markdown/messages.ts';
import { ContentError } from '../util/errors.ts';
import { CidFont } from './cid-font.ts';
import { codesOf, operations, textOf } from './content-stream.ts';
import { contentRefs } from './to-unicode.ts';

export interface Notdef {
  /** What the empty box stands for ('' when the PDF does not say). */
  text: string;
  /** The font's PostScript name, without its subset tag. */
  font: string;
  /** 1-based. */
  page: number;
}

/** Every .notdef glyph drawn on the document's pages. */
export function notdefGlyphs(doc: PDFDocument): Notdef[] {
  const found: Notdef[] = [];
  doc.getPages().forEach((page, index) => {
    const fonts = new Map<string, { font: CidFont; name: string }>();
    for (const [name, value] of page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)?.entries() ?? []) {
      const dict = value instanceof PDFRef ? doc.context.lookup(value, PDFDict) : undefined;
      const font = dict && CidFont.of(doc.context, dict, (text) => text);
      if (font && dict) fonts.set(name.decodeText(), { font, name: String(dict.get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, '') });
    }
    for (const ref of contentRefs(page.node.get(PDFName.of('Contents')))) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      let current: { font: CidFont; name: string } | undefined;
      const spans: (string | undefined)[] = [];
      for (const op of operations(new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode())) ?? []) {
        if (op.operator === 'Tf') current = fonts.get((op.operands[0] ?? '').slice(1));
        else if (op.operator === 'BMC' || op.operator === 'BDC') spans.push(/\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(op.operands[1] ?? '')?.[1]);
        else if (op.operator === 'EMC') spans.pop();
        else if ((op.operator === 'Tj' || op.operator === 'TJ') && current) {
          const strings = (op.operands[0] ?? '').match(/<[0-9A-Fa-f\s]*>/g) ?? [];
          for (const code of strings.flatMap(codesOf)) {
            if (current.font.gid(code) !== 0) continue;
            const actual = spans.findLast((span) => span !== undefined);
            const text = actual === undefined ? (current.font.map.get(code) ?? '') : textOf(actual);
            found.push({ text: text.replaceAll('\u0000', ''), font: current.name, page: index + 1 });
          }
        }
      }
    }
  });
  return found;
}

/** Fails with one `source:line:col: reason` line per character drawn as .notdef. */
export async function checkDrawnGlyphs(doc: PDFDocument, source: { path: string; text: string }): Promise<void> {
  const lines = new Map<string, string>();
  for (const { text, font, page } of notdefGlyphs(doc)) {
    const chars = [...text].filter((char) => !/\s/u.test(char));
    if (chars.length === 0) lines.set(`?${page}${font}`, `${source.path}: a glyph on page ${page} has no glyph in ${font}, which drew it, and prints as an empty box`);
    for (const char of chars) {
      const offset = source.text.indexOf(char);
      const where = offset === -1 ? `${source.path} (page ${page})` : `${source.path}:${pointAt(source.text, offset).line}:${pointAt(source.text, offset).column}`;
      lines.set(char, `${where}: ${await missingGlyphReason(char.codePointAt(0) ?? 0, font)}`);
    }
  }
  if (lines.size > 0) throw new ContentError([...lines.values()].join('\n'));
}
