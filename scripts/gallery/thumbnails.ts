/**
 * Thumbnails of PDF pages, drawn by pdf.js inside the build's own browser: one
 * tab renders every page of every PDF given to a canvas of the asked width
 * and hands back PNG bytes. The tab's only origin is a made-up one whose
 * requests are all answered from here (pdf.js and the PDFs); any other request
 * is refused, so nothing is fetched from the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { ownPage } from '../util/own-page.ts';

export interface ThumbnailOptions {
  /** The browser to draw in (the build's). */
  browser: Browser;
  /** The PDFs to draw, every page of each, each at a width in pixels (the height follows the page). */
  pdfs: { bytes: Uint8Array; width: number }[];
}

/** One PNG per page, per PDF, in order. */
export type Thumbnails = Uint8Array[][];

const ORIGIN = 'http://zinepress.invalid';
const require = createRequire(import.meta.url);

async function pdfjsFiles(): Promise<Record<string, string>> {
  const [lib, worker] = await Promise.all([
    readFile(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8'),
    readFile(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8'),
  ]);
  return { '/pdf.mjs': lib, '/pdf.worker.mjs': worker };
}

/**
 * Runs in the tab (as text, so that no build tool's helpers leak into it):
 * draws every page of `/pdf/<i>` at `widths[i]` pixels, and returns
 * the PNGs as data URLs, one list per PDF.
 */
const DRAW = `async (widths) => {
  const lib = await import('/pdf.mjs');
  lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  const worker = new lib.PDFWorker();
  const drawDoc = async (index) => {
    const doc = await lib.getDocument({ url: '/pdf/' + index, isEvalSupported: false, worker, disableFontFace: true }).promise;
    const urls = [];
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: widths[index] / page.getViewport({ scale: 1 }).width });
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(viewport.width);
      canvas.height = Math.round(viewport.height);
      await page.render({ canvas, viewport }).promise;
      urls.push(canvas.toDataURL('image/png'));
    }
    await doc.destroy();
    return urls;
  };
  const all = await Promise.all(widths.map((_, index) => drawDoc(index)));
  worker.destroy();
  return all;
}`;

export async function renderThumbnails(options: ThumbnailOptions): Promise<Thumbnails> {
  const { browser, pdfs } = options;
  if (pdfs.length === 0) return [];
  const files = await pdfjsFiles();
  // A tab of its own: pdf.js draws between animation frames, which a hidden tab never gets.
  const page = await ownPage(browser);
  try {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => void answer(request, files, pdfs));
    await page.goto(`${ORIGIN}/`);
    const urls = (await page.evaluate(`(${DRAW})(${JSON.stringify(pdfs.map((pdf) => pdf.width))})`)) as string[][];
    return urls.map((doc) => doc.map((url) => new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))));
  } finally {
    await page.close();
  }
}

function answer(request: HTTPRequest, files: Record<string, string>, pdfs: ThumbnailOptions['pdfs']): Promise<void> {
  const url = new URL(request.url());
  if (url.origin !== ORIGIN) return request.abort('blockedbyclient');
  if (url.pathname === '/') {
    return request.respond({ contentType: 'text/html', body: '<!doctype html><link rel=icon href=data:,><title>thumbnails</title>' });
  }
  const file = files[url.pathname];
  if (file !== undefined) return request.respond({ contentType: 'text/javascript', body: file });
  const pdf = /^\/pdf\/(\d+)$/.exec(url.pathname);
  const bytes = pdf ? pdfs[Number(pdf[1])]?.bytes : undefined;
  if (bytes !== undefined) return request.respond({ contentType: 'application/pdf', body: Buffer.from(bytes) });
  return request.respond({ status: 404, body: '' });
}
