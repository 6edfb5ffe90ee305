/**
 * Chromium (Skia) writes each cluster of a complex script (Devanagari, Thai,
 * Arabic…) inside a /Span with /ActualText, and maps the glyphs it cannot
 * attribute to a character (a reordered vowel sign, stacked marks, a
 * conjunct's part) to U+0000 in the font's ToUnicode CMap. poppler reads the
 * spans; pdf.js (Firefox's viewer) reads only the CMap and puts a NUL in the
 * text a reader searches or copies.
 *
 * This gives each such glyph the text its span has beyond what the span's
 * other glyphs map to: in a Thai cluster ท + ั + ้ drawn as ท and one
 * glyph for the two marks, that glyph reads "ั้"; a Devanagari vowel sign
 * drawn before its consonant reads "ि", in the order it is drawn. A glyph
 * no span tells about reads as a zero-width non-joiner, never as a NUL.
 */
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFObject } from 'pdf-lib';

type Mapping = Map<number, string>;

const hexToText = (hex: string): string => {
  const units: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) units.push(parseInt(hex.slice(at, at + 4), 16));
  return String.fromCharCode(...units);
};
const textToHex = (text: string): string =>
  [...text].flatMap((char) => [...Array.from({ length: char.length }, (_, index) => char.charCodeAt(index))]).map((unit) => unit.toString(16).padStart(4, '0').toUpperCase()).join('');

/** Glyph id → text, from a ToUnicode CMap's bfchar and bfrange entries. */
export function parseCMap(cmap: string): Mapping {
  const map: Mapping = new Map();
  for (const [, body = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, glyph = '', text = ''] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(glyph, 16), hexToText(text));
  }
  for (const [, body = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from = '', to = '', start = ''] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(from, 16);
      const base = parseInt(start, 16);
      for (let glyph = first; glyph <= parseInt(to, 16); glyph += 1) map.set(glyph, String.fromCodePoint(base + glyph - first));
    }
  }
  return map;
}

/** What a span's text has beyond the text of its mapped glyphs. */
function residue(actual: string, mapped: string[]): string {
  const left = [...actual];
  for (const char of mapped.flatMap((text) => [...text])) {
    const at = left.indexOf(char);
    if (at !== -1) left.splice(at, 1);
  }
  return left.join('');
}

interface Span {
  /** The ToUnicode CMap's reference, as a key. */
  cmap: string;
  actual: string;
  glyphs: number[];
}

/** The ActualText spans of a content stream, with the glyphs drawn in each and the CMap of their font. */
function spansOf(content: string, cmapOf: Map<string, string>): Span[] {
  const spans: Span[] = [];
  let font = '';
  let span: Span | undefined;
  const token = /\/([\w.+-]+) [\d.]+ Tf|\/Span\s*<<\s*\/ActualText\s*<([0-9A-Fa-f]*)>\s*>>\s*BDC|<([0-9A-Fa-f]+)>|\bEMC\b/g;
  for (const [whole, name, actual, glyphs] of content.matchAll(token)) {
    if (name !== undefined) font = name;
    else if (actual !== undefined) span = { cmap: cmapOf.get(font) ?? '', actual: hexToText(actual.replace(/^feff/i, '')), glyphs: [] };
    else if (glyphs !== undefined && span) for (let at = 0; at + 4 <= glyphs.length; at += 4) span.glyphs.push(parseInt(glyphs.slice(at, at + 4), 16));
    else if (whole === 'EMC' && span) {
      if (span.cmap !== '') spans.push(span);
      span = undefined;
    }
  }
  return spans;
}

/**
 * Text for unmapped glyphs. A span with one unmapped glyph gives it its
 * residue; what is learnt counts as mapped in the next round, until a round
 * learns nothing. Then a span with several unmapped glyphs and as many
 * characters left gives them one each, in order; failing that, the first
 * takes the whole residue and the others a zero-width non-joiner, which
 * nothing shows and search skips, rather than a NUL.
 */
function learn(spans: Span[], maps: Map<string, Mapping>): Map<string, Map<number, string>> {
  const found = new Map<string, Map<number, string>>();
  const textOf = (span: Span, glyph: number): string | undefined => {
    const text = found.get(span.cmap)?.get(glyph) ?? maps.get(span.cmap)?.get(glyph);
    return text === '\u0000' ? undefined : text;
  };
  const set = (span: Span, glyph: number, text: string): void => {
    const byGlyph = found.get(span.cmap) ?? new Map<number, string>();
    byGlyph.set(glyph, text);
    found.set(span.cmap, byGlyph);
  };
  const unmappedIn = (span: Span): number[] => [...new Set(span.glyphs.filter((glyph) => textOf(span, glyph) === undefined))];
  const residueOf = (span: Span): string => residue(span.actual, span.glyphs.flatMap((glyph) => textOf(span, glyph) ?? []));
  for (let learnt = true; learnt; ) {
    learnt = false;
    for (const span of spans) {
      const [only, ...more] = unmappedIn(span);
      const text = residueOf(span);
      if (only === undefined || more.length > 0 || text === '') continue;
      set(span, only, text);
      learnt = true;
    }
  }
  for (const span of spans) {
    const unmapped = unmappedIn(span);
    if (unmapped.length === 0) continue;
    const chars = [...residueOf(span)];
    unmapped.forEach((glyph, index) => {
      const text = chars.length === unmapped.length ? chars[index] : index === 0 && chars.length > 0 ? chars.join('') : undefined;
      set(span, glyph, text ?? ZWNJ);
    });
  }
  return found;
}

const ZWNJ = '\u200C';

const decode = (stream: PDFRawStream): string => new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());

function streamsOf(doc: PDFDocument, contents: PDFObject | undefined): PDFRawStream[] {
  const object = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (object instanceof PDFRawStream) return [object];
  if (object instanceof PDFArray) return object.asArray().flatMap((item) => streamsOf(doc, item));
  return [];
}

/** Rewrites the ToUnicode CMaps of the document's fonts; returns how many glyphs now read as text. */
export function repairToUnicode(doc: PDFDocument): number {
  const cmaps = new Map<string, { ref: PDFRef; text: string }>();
  const maps = new Map<string, Mapping>();
  const spans: Span[] = [];
  for (const page of doc.getPages()) {
    const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    if (!fonts) continue;
    const cmapOf = new Map<string, string>();
    for (const [name, value] of fonts.entries()) {
      const font = value instanceof PDFRef ? doc.context.lookup(value, PDFDict) : undefined;
      const ref = font?.get(PDFName.of('ToUnicode'));
      const stream = ref instanceof PDFRef ? doc.context.lookup(ref) : undefined;
      if (!(ref instanceof PDFRef) || !(stream instanceof PDFRawStream)) continue;
      const key = ref.toString();
      if (!cmaps.has(key)) {
        const text = decode(stream);
        cmaps.set(key, { ref, text });
        maps.set(key, parseCMap(text));
      }
      cmapOf.set(name.decodeText(), key);
    }
    for (const stream of streamsOf(doc, page.node.get(PDFName.of('Contents')))) spans.push(...spansOf(decode(stream), cmapOf));
  }
  let repaired = 0;
  const learnt = learn(spans, maps);
  for (const [key, cmap] of cmaps) {
    const glyphs = learnt.get(key);
    // A glyph no span tells about (drawn outside any, or never drawn) reads as nothing visible.
    const text = cmap.text.replace(/^<([0-9A-Fa-f]+)>(\s*)<0000>$/gm, (_line, glyph: string, space: string) => {
      repaired += 1;
      return `<${glyph}>${space}<${textToHex(glyphs?.get(parseInt(glyph, 16)) ?? ZWNJ)}>`;
    });
    if (text !== cmap.text) doc.context.assign(cmap.ref, doc.context.flateStream(text));
  }
  return repaired;
}
