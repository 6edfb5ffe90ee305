/**
 * poppler's `pdftotext -bbox-layout` over a printed PDF, its pages handed on
 * as they come: each page's XHTML is given to `onPage` as soon as poppler has
 * written its `</page>`, so the caller reads the first pages while poppler
 * still reads the last. A long PDF is read by two pdftotext at once, each a
 * half of its pages (`-f`/`-l`): poppler reads each page by itself, so the
 * halves put together are the pages one run gives.
 */
import { spawn } from 'node:child_process';
import { ZineError } from '../../util/errors.ts';

/** The tools this needs are missing: the build cannot read its PDF back. */
export class ReaderMissing extends ZineError {}

export interface PdftotextOptions<T> {
  /** What to keep of one page, given its XHTML from `<page ` to `</page>`. */
  onPage: (xhtml: string) => T;
  /** The PDF's page count, when known. Default: 0 (unknown: read in one run). */
  pages?: number;
  /** The fewest pages read in two runs at once; fewer are read in one. Default: SPLIT_FROM. */
  splitFrom?: number;
}

/**
 * From how many pages a PDF is read in two halves at once. pdftotext takes
 * about 2 ms of CPU a page (the 112-page book: 0.21 s) and some 10 ms to
 * start and read the file; below 16 pages a second run gains less than it costs.
 */
export const SPLIT_FROM = 16;

/** The page ranges to read, each given to one pdftotext: [first, last], last 0 for "to the end". */
export function pageRanges(pages: number, splitFrom: number): [number, number][] {
  if (pages < Math.max(2, splitFrom)) return [[1, 0]];
  const half = Math.ceil(pages / 2);
  return [
    [1, half],
    [half + 1, 0],
  ];
}

/** Every page of `pdf` through `onPage`, in order. */
export async function pdftotextPages<T>(pdf: Uint8Array, options: PdftotextOptions<T>): Promise<T[]> {
  const { onPage, pages = 0, splitFrom = SPLIT_FROM } = options;
  const runs = pageRanges(pages, splitFrom).map(([first, last]) => readRange(pdf, first, last, onPage));
  return (await Promise.all(runs)).flat();
}

function readRange<T>(pdf: Uint8Array, first: number, last: number, onPage: (xhtml: string) => T): Promise<T[]> {
  const tool = 'pdftotext';
  const range = [...(first > 1 ? ['-f', String(first)] : []), ...(last > 0 ? ['-l', String(last)] : [])];
  return new Promise((resolve, reject) => {
    const args = ['-q', '-bbox-layout', '-enc', 'UTF-8', ...range, '-', '-'];
    const child = spawn(tool, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const read: T[] = [];
    let pending = '';
    let stderr = '';
    let failed: unknown;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      let end = pending.indexOf('</page>');
      if (end < 0 || failed !== undefined) return;
      let from = 0;
      try {
        while (end >= 0) {
          const start = pending.lastIndexOf('<page ', end);
          read.push(onPage(pending.slice(start, end)));
          from = end + '</page>'.length;
          end = pending.indexOf('</page>', from);
        }
      } catch (error) {
        failed = error;
      }
      pending = pending.slice(from);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        return reject(new ReaderMissing(`${tool} is missing, so the printed PDF cannot be read back: install poppler (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler), or run npm install again as root`, { cause: error }));
      }
      reject(new Error(`${tool} failed on a printed PDF: ${error.message}`, { cause: error }));
    });
    child.once('close', (code, signal) => {
      if (failed !== undefined) return reject(failed);
      if (code === 0) return resolve(read);
      // As execFile words it.
      const error = Object.assign(new Error(`Command failed: ${[tool, ...args].join(' ')}\n${stderr}`), { code, signal });
      reject(new Error(`${tool} failed on a printed PDF: ${stderr.trim() || error.message}`, { cause: error }));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(pdf);
  });
}
