/**
 * After layout, every glyph drawn is checked in the fonts that drew it: a
 * glyph id 0 (.notdef, an empty box) in an embedded font fails the build,
 * naming the character (from the ActualText of the span that draws it, else
 * the font's ToUnicode entry), its place in the source, and the font to
 * add, as the check before layout does (markdown/glyphs.ts). The check
 * before layout asks the planned faces; this one asks what Chromium drew.
 */
import { PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument } from 'pdf-lib';
import { missingGlyphReason } from '../fonts/coverage.ts';
import { pointAt } from '../markdown/messages.ts';
import { ContentError } from '../util/errors.ts';
import { CidFont } from './cid-font.ts';
import { codesOf, textOf } from './content-stream.ts';
import { contentOf } from './stream-bytes.ts';
import { walkStream } from './stream-walker.ts';
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
  // Pages share their fonts: each is read once.
  const read = new Map<string, { font: CidFont; name: string } | undefined>();
  const fontAt = (ref: PDFRef) => {
    const key = ref.toString();
    if (!read.has(key)) {
      const dict = doc.context.lookup(ref, PDFDict);
      const font = CidFont.of(doc.context, dict, (text) => text);
      read.set(key, font && { font, name: String(dict.get(PDFName.of('BaseFont'))).replace(/^\/([A-Z]{6}\+)?/, '') });
    }
    return read.get(key);
  };
  doc.getPages().forEach((page, index) => {
    const fonts = new Map<string, { font: CidFont; name: string }>();
    for (const [name, value] of page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)?.entries() ?? []) {
      const font = value instanceof PDFRef ? fontAt(value) : undefined;
      if (font) fonts.set(name.decodeText(), font);
    }
    // Code 0 is four zeros in a hex string: with fonts that draw no other code as .notdef, a stream
    // without four zeros in a row draws none, and is not split into operations (Chromium's never has them).
    const identity = [...fonts.values()].every(({ font }) => font.identity);
    for (const ref of contentRefs(page.node.get(PDFName.of('Contents')))) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const content = contentOf(stream);
      if (identity && !content.text.includes('0000')) continue;
      // Each glyph shown is looked up in the font the walk says draws it; its text is the innermost ActualText around it, else the font's.
      walkStream(content.ops ?? [], (name) => fonts.get(name)?.font, (op, _, walk) => {
        const current = walk.text.fontName === undefined ? undefined : fonts.get(walk.text.fontName);
        if ((op.operator !== 'Tj' && op.operator !== 'TJ') || !current) return;
        const operand = op.operands[0] ?? '';
        // Tj shows one hex string; TJ an array of them, with kerning numbers between.
        const strings = op.operator === 'Tj' && operand.startsWith('<') ? [operand] : (operand.match(/<[0-9A-Fa-f\s]*>/g) ?? []);
        for (const string of strings) {
          for (const code of codesOf(string)) {
            if (current.font.gid(code) !== 0) continue;
            const actual = walk.marked.findLast((span) => span.actualText !== undefined)?.actualText;
            const text = actual === undefined ? (current.font.map.get(code) ?? '') : textOf(actual);
            found.push({ text: text.replaceAll('\u0000', ''), font: current.name, page: index + 1 });
          }
        }
      });
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
