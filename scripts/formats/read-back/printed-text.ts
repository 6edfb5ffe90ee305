/**
 * A printed PDF read back as a reader's tools see it: each page's lines of
 * text with their boxes, with poppler (`pdftotext -bbox-layout`), and the
 * raster images it draws with where it draws them, from its content streams
 * (drawn-images.ts: `pdfimages -list` gives no place, and took longer on a
 * book). Poppler rather than pdf.js (which the project also has): it reads
 * the essay's 12 pages in about 80 ms where pdf.js in node takes 600 ms or
 * more, most of a build's second.
 */
import { execFile } from 'node:child_process';
import { ZineError } from '../../util/errors.ts';
import { drawnImages, type DrawnImage } from './drawn-images.ts';

export interface PrintedLine {
  /** The words of the line joined by single spaces, as poppler reads them. */
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

export interface PrintedPage {
  /** 1-based. */
  number: number;
  lines: PrintedLine[];
  images: DrawnImage[];
}

/** The tools this needs are missing: the build cannot read its PDF back. */
export class ReaderMissing extends ZineError {}

function run(tool: string, args: string[], input: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(tool, args, { maxBuffer: 1 << 30, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) return resolve(stdout);
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        return reject(new ReaderMissing(`${tool} is missing, so the printed PDF cannot be read back: install poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or run npm install again as root`, { cause: error }));
      }
      reject(new Error(`${tool} failed on a printed PDF: ${stderr.trim() || error.message}`, { cause: error }));
    });
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input);
  });
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
  const pages: PrintedLine[][] = [];
  for (const page of xhtml.split('<page ').slice(1)) {
    const lines: PrintedLine[] = [];
    for (const match of page.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...(match[5] ?? '').matchAll(/<word [^>]*>([\s\S]*?)<\/word>/g)].map((word) => unescape(word[1] ?? ''));
      lines.push({ text: words.join(' '), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
    }
    pages.push(lines);
  }
  return pages;
}

/** Reads a printed PDF back: every page's lines, and its images unless `images` is false (then none are listed). */
export async function readPrinted(pdf: Uint8Array, { images: withImages = true }: { images?: boolean } = {}): Promise<PrintedPage[]> {
  const [text, pictures] = await Promise.all([run('pdftotext', ['-q', '-bbox-layout', '-enc', 'UTF-8', '-', '-'], pdf), withImages ? drawnImages(pdf) : []]);
  const lines = parseBboxLayout(text);
  return lines.map((pageLines, index) => ({ number: index + 1, lines: pageLines, images: pictures[index] ?? [] }));
}
