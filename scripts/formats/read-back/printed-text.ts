/**
 * A printed PDF read back as a reader's tools see it: each page's lines of
 * text with their boxes, with poppler (`pdftotext -bbox-layout`), and the
 * raster images it draws with where it draws them, from its content streams
 * (drawn-images.ts: `pdfimages -list` gives no place, and took longer on a
 * book). Poppler rather than pdf.js (which the project also has): it reads
 * the essay's 12 pages in about 80 ms where pdf.js in node takes 600 ms or
 * more, most of a build's second.
 */
import { drawnImages, type DrawnImage } from './drawn-images.ts';
import { pdftotextPages } from './pdftotext.ts';

export { ReaderMissing } from './pdftotext.ts';

export interface PrintedLine {
  /** The words of the line joined by single spaces, as poppler reads them. */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  /** Each word's left and right edges, in the order poppler reads them (word-spaces.ts measures the spaces between). */
  words: WordBox[];
}

export interface WordBox {
  xMin: number;
  xMax: number;
}

export interface PrintedPage {
  /** 1-based. */
  number: number;
  lines: PrintedLine[];
  images: DrawnImage[];
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return XML_ENTITIES[name] ?? whole;
  });

/** Pages and lines from `pdftotext -bbox-layout`'s XHTML (one line per <line>, its words in <word>). */
export function parseBboxLayout(xhtml: string): PrintedLine[][] {
  return xhtml.split('<page ').slice(1).map(parseBboxPage);
}

/** One page's lines from its part of `pdftotext -bbox-layout`'s XHTML. */
export function parseBboxPage(page: string): PrintedLine[] {
  const lines: PrintedLine[] = [];
  for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const found = [...(match[5] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([\s\S]*?)<\/word>/g)];
    const words = found.map((word) => ({ xMin: Number(word[1]), xMax: Number(word[2]) }));
    const text = found.map((word) => unescape(word[3] ?? '')).join(' ');
    lines.push({ text, xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]), words });
  }
  return joinSplitLines(lines);
}

/**
 * One printed line that poppler reads as several: a justified line whose word
 * spaces are wide (a language with no hyphenation patterns, a long word sent
 * to the next line) comes back as a line per word or two, each in a block of
 * its own, and in between, the line under it. A reader sees one line: the
 * pieces on the same baseline, no further apart than a line's height, are
 * joined in the order of their script's writing, where the first of them was.
 */
export function joinSplitLines(lines: readonly PrintedLine[]): PrintedLine[] {
  const joined: PrintedLine[] = [];
  const used = new Set<number>();
  lines.forEach((line, index) => {
    if (used.has(index)) return;
    const height = line.yMax - line.yMin;
    const same = (other: PrintedLine) => Math.abs(other.yMin - line.yMin) < 0.05 && Math.abs(other.yMax - line.yMax) < 0.05;
    const pieces = [line];
    let grown = true;
    while (grown) {
      grown = false;
      lines.forEach((other, at) => {
        if (at === index || used.has(at) || !same(other)) return;
        const near = pieces.some((piece) => other.xMin - piece.xMax < height && piece.xMin - other.xMax < height);
        if (!near) return;
        pieces.push(other);
        used.add(at);
        grown = true;
      });
    }
    if (pieces.length === 1) return joined.push(line);
    const rightToLeft = /[\p{Script=Hebrew}\p{Script=Arabic}]/u.test(line.text);
    pieces.sort((a, b) => (rightToLeft ? b.xMin - a.xMin : a.xMin - b.xMin));
    joined.push({
      text: pieces.map((piece) => piece.text).join(' '),
      xMin: Math.min(...pieces.map((piece) => piece.xMin)),
      xMax: Math.max(...pieces.map((piece) => piece.xMax)),
      yMin: line.yMin,
      yMax: line.yMax,
      words: pieces.flatMap((piece) => piece.words),
    });
  });
  return joined;
}

export interface ReadPrintedOptions {
  /** Whether the images each page draws are listed. Default: true (false: none listed). */
  images?: boolean;
  /** The PDF's page count, when known: a long PDF is read in two halves at once (pdftotext.ts). Default: 0, unknown. */
  pages?: number;
}

/** Reads a printed PDF back: every page's lines, and its images unless `images` is false. */
export async function readPrinted(pdf: Uint8Array, { images: withImages = true, pages = 0 }: ReadPrintedOptions = {}): Promise<PrintedPage[]> {
  const [lines, pictures] = await Promise.all([pdftotextPages(pdf, { onPage: parseBboxPage, pages }), withImages ? drawnImages(pdf) : []]);
  return lines.map((pageLines, index) => ({ number: index + 1, lines: pageLines, images: pictures[index] ?? [] }));
}
