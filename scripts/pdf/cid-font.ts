/**
 * The text side of a Type0 font as Chromium writes it (Identity-H, one
 * two-byte code per glyph, code = glyph id): what each code reads as
 * (ToUnicode), its advance (W) and the glyph it draws (CIDToGIDMap).
 *
 * `codeFor` gives a code that draws a glyph and reads as a given text: the
 * glyph's own code when its ToUnicode entry already says that text, else a
 * new code past the font's last one, drawing the same glyph with the same
 * advance. So one glyph can read as "ت" in one word and "ن" in another.
 * `write` puts the new codes into the font.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, type PDFContext } from 'pdf-lib';
import { flateStream, streamBytes, streamText } from './stream-bytes.ts';

export type Mapping = Map<number, string>;

/** A text of a letter followed by nonspacing marks. */
export const WITH_MARKS = /.\p{Mn}/u;
/** A Chinese or Japanese letter (Han, kana, the prolonged sound mark): lines may end between two. */
export const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u;

const hexToText = (hex: string): string => {
  const units: number[] = [];
  for (let at = 0; at + 4 <= hex.length; at += 4) units.push(parseInt(hex.slice(at, at + 4), 16));
  return String.fromCharCode(...units);
};
const textToHex = (text: string): string =>
  Array.from({ length: text.length }, (_, index) => text.charCodeAt(index).toString(16).padStart(4, '0').toUpperCase()).join('');

/** Code → text, from a ToUnicode CMap's bfchar and bfrange entries. */
export function parseCMap(cmap: string): Mapping {
  const map: Mapping = new Map();
  for (const [, body = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code = '', text = ''] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) map.set(parseInt(code, 16), hexToText(text));
  }
  for (const [, body = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from = '', to = '', start = ''] of body.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(from, 16);
      const base = parseInt(start, 16);
      for (let code = first; code <= parseInt(to, 16); code += 1) map.set(code, String.fromCodePoint(base + code - first));
    }
  }
  return map;
}

/** A ToUnicode CMap for two-byte codes. */
export function writeCMap(map: Mapping): string {
  const entries = [...map].sort(([a], [b]) => a - b);
  const blocks: string[] = [];
  for (let at = 0; at < entries.length; at += 100) {
    const block = entries.slice(at, at + 100);
    blocks.push(`${block.length} beginbfchar\n${block.map(([code, text]) => `<${code.toString(16).padStart(4, '0').toUpperCase()}> <${textToHex(text)}>`).join('\n')}\nendbfchar`);
  }
  return [
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def',
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange',
    ...blocks,
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend',
  ].join('\n');
}

const numberOf = (object: unknown): number => (object instanceof PDFNumber ? object.asNumber() : 0);

/** CID → advance, from a CIDFont's W array. */
function widthsOf(w: PDFArray | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  const items = w?.asArray() ?? [];
  for (let at = 0; at < items.length; ) {
    const first = numberOf(items[at]);
    const next = items[at + 1];
    if (next instanceof PDFArray) {
      next.asArray().forEach((width, index) => widths.set(first + index, numberOf(width)));
      at += 2;
    } else {
      for (let cid = first; cid <= numberOf(next); cid += 1) widths.set(cid, numberOf(items[at + 2]));
      at += 3;
    }
  }
  return widths;
}

export class CidFont {
  readonly map: Mapping;
  /** Whether some code reads as a letter with nonspacing marks (a Devanagari half form): see cluster-spans.ts. */
  readonly readsWithMarks: boolean;
  /** Whether a code reads as a Chinese or Japanese letter (word-lines.ts). */
  readonly readsCjk: boolean;
  readonly #widths: Map<number, number>;
  readonly #defaultWidth: number;
  readonly #gids: number[] = [];
  readonly #added = new Map<string, number>();
  #next: number;

  constructor(
    private readonly context: PDFContext,
    private readonly font: PDFDict,
    private readonly cidFont: PDFDict,
    normalize: (text: string) => string,
  ) {
    const toUnicode = context.lookup(font.get(PDFName.of('ToUnicode')));
    const read = toUnicode instanceof PDFRawStream ? parseCMap(streamText(toUnicode)) : new Map<number, string>();
    this.map = new Map([...read].map(([code, text]) => [code, normalize(text)]));
    this.readsWithMarks = [...this.map.values()].some((text) => WITH_MARKS.test(text));
    this.readsCjk = [...this.map.values()].some((text) => CJK_LETTER.test(text));
    this.#widths = widthsOf(cidFont.lookupMaybe(PDFName.of('W'), PDFArray));
    this.#defaultWidth = cidFont.has(PDFName.of('DW')) ? numberOf(cidFont.lookup(PDFName.of('DW'))) : 1000;
    const map = context.lookup(cidFont.get(PDFName.of('CIDToGIDMap')));
    if (map instanceof PDFRawStream) {
      const bytes = streamBytes(map);
      for (let at = 0; at + 1 < bytes.length; at += 2) this.#gids.push(((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0));
    }
    this.#next = Math.max(0, this.#gids.length - 1, ...this.#widths.keys(), ...this.map.keys()) + 1;
  }

  /**
   * The Type0 font `font`, if it is one Chromium wrote (two-byte codes), its
   * ToUnicode entries passed through `normalize`.
   */
  static of(context: PDFContext, font: PDFDict, normalize: (text: string) => string): CidFont | undefined {
    if (font.get(PDFName.of('Subtype')) !== PDFName.of('Type0') || font.get(PDFName.of('Encoding')) !== PDFName.of('Identity-H')) return undefined;
    const descendant = font.lookupMaybe(PDFName.of('DescendantFonts'), PDFArray)?.lookupMaybe(0, PDFDict);
    return descendant ? new CidFont(context, font, descendant, normalize) : undefined;
  }

  width(code: number): number {
    return this.#widths.get(code) ?? this.#defaultWidth;
  }

  /** Whether each code is its glyph's id (Chromium's /Identity map): then code 0 alone draws the .notdef glyph. */
  get identity(): boolean {
    return this.#gids.length === 0;
  }

  gid(code: number): number {
    return this.#gids.length === 0 ? code : (this.#gids[code] ?? 0);
  }

  /** A code drawing the glyph of `code` that reads as `text`, with the advance of `code` or `width`. */
  codeFor(code: number, text: string, width = this.width(code)): number {
    if (this.map.get(code) === text && this.width(code) === width) return code;
    const key = `${this.gid(code)} ${width} ${text}`;
    const known = this.#added.get(key);
    if (known !== undefined) return known;
    const added = this.#next;
    this.#next += 1;
    if (added > 0xffff) return code;
    this.#added.set(key, added);
    this.map.set(added, text);
    this.#widths.set(added, width);
    if (this.#gids.length === 0) for (let cid = 0; cid < added; cid += 1) this.#gids.push(cid);
    this.#gids[added] = this.gid(code);
    return added;
  }

  /** Writes the font's ToUnicode CMap and the codes added since it was read. */
  write(): void {
    this.font.set(PDFName.of('ToUnicode'), this.context.register(flateStream(this.context, writeCMap(this.map))));
    if (this.#added.size === 0) return;
    const widths = [...this.#added.values()].sort((a, b) => a - b).flatMap((cid) => [cid, [this.width(cid)]]);
    const w = this.cidFont.lookupMaybe(PDFName.of('W'), PDFArray);
    const extra = this.context.obj(widths);
    if (w) for (const item of extra.asArray()) w.push(item);
    else this.cidFont.set(PDFName.of('W'), extra);
    const bytes = new Uint8Array(this.#gids.length * 2);
    this.#gids.forEach((gid, cid) => {
      bytes[cid * 2] = gid >> 8;
      bytes[cid * 2 + 1] = gid & 0xff;
    });
    this.cidFont.set(PDFName.of('CIDToGIDMap'), this.context.register(flateStream(this.context, bytes)));
  }
}
