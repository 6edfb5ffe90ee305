/**
 * One tab of the build's browser that draws PDF pages with pdf.js. It is
 * opened once and kept: pdf.js is loaded and its worker started a single time,
 * and a PDF stays parsed (its fonts too) while pages of it are asked for. The
 * tab's only origin is a made-up one whose requests are all answered from here
 * (pdf.js and the PDFs); any other request is refused, so nothing is fetched
 * from the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { ownPage } from '../util/own-page.ts';

/** Images laid on a page before the page itself is drawn over them: PNGs, at a top-left corner in pixels. */
export type Under = { png: Uint8Array; x: number; y: number }[];

export interface DrawTab {
  /**
   * PNGs of pages `from`..`to` (1-based, inclusive) of the PDF `id` serves,
   * each `width` pixels wide; with `under`, page n is drawn over the images
   * `under[n - from]` on white, instead of on white alone.
   */
  draw(id: string, width: number, from: number, to: number, under?: Under[]): Promise<Uint8Array[]>;
  /** The number of pages of the PDF `id` serves (which stays parsed for drawing). */
  count(id: string): Promise<number>;
  /** Lets go of a PDF this tab may have parsed. */
  forget(id: string): Promise<void>;
  close(): Promise<void>;
}

const ORIGIN = 'http://zinepress.invalid';
const require = createRequire(import.meta.url);

/** pdf.js's two files, read once per process. */
let pdfjs: Promise<Record<string, string>> | undefined;
function pdfjsFiles(): Promise<Record<string, string>> {
  pdfjs ??= Promise.all([
    readFile(require.resolve('pdfjs-dist/build/pdf.min.mjs'), 'utf8'),
    readFile(require.resolve('pdfjs-dist/build/pdf.worker.min.mjs'), 'utf8'),
  ]).then(([lib, worker]) => ({ '/pdf.mjs': lib, '/pdf.worker.mjs': worker }));
  return pdfjs;
}

/**
 * Runs in the tab (as text, so that no build tool's helpers leak into it).
 * The PDF's own fonts are loaded into the tab as font faces (pdf.js turns
 * each embedded font into one) and its glyphs drawn as text: a fifth faster
 * than drawing each glyph as a path, on a book of 112 pages. pdf.js builds
 * no code from a font (`isEvalSupported: false`). The 'print' intent draws a
 * page in one go, where 'display' waits for an animation frame every 15 ms
 * of work; the PNG is encoded by `toBlob`, off the thread that draws.
 */
const SETUP = `async () => {
  const lib = await import('/pdf.mjs');
  lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
  const worker = new lib.PDFWorker();
  await worker.promise;
  const docs = new Map();
  const open = (id) => {
    if (!docs.has(id)) docs.set(id, lib.getDocument({ url: '/pdf/' + id, isEvalSupported: false, worker }).promise);
    return docs.get(id);
  };
  const dataUrl = (blob) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  const png = (canvas) => new Promise((resolve) => canvas.toBlob(resolve, 'image/png')).then(dataUrl);
  globalThis.zineThumbnails = {
    async draw(id, width, from, to, under) {
      const doc = await open(id);
      const urls = [];
      for (let n = from; n <= to; n += 1) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const canvas = document.createElement('canvas');
        canvas.width = Math.round(viewport.width);
        canvas.height = Math.round(viewport.height);
        const canvasContext = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
        // What pdf.js does first (white), then the images, then the page over them, with no white of its own.
        canvasContext.fillStyle = '#ffffff';
        canvasContext.fillRect(0, 0, canvas.width, canvas.height);
        for (const { png, x, y } of under?.[n - from] ?? []) {
          // Chromium's own base64 decoding (from version 140), rather than a character at a time.
          const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(png) : Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
          const options = { colorSpaceConversion: 'none', premultiplyAlpha: 'none' };
          canvasContext.drawImage(await createImageBitmap(new Blob([bytes], { type: 'image/png' }), options), x, y);
        }
        await page.render({ canvasContext, viewport, intent: 'print', background: 'rgba(0,0,0,0)' }).promise;
        urls.push(png(canvas));
      }
      return Promise.all(urls);
    },
    async count(id) {
      return (await open(id)).numPages;
    },
    async forget(id) {
      const doc = docs.get(id);
      docs.delete(id);
      await doc?.then((d) => d.destroy(), () => undefined);
    },
  };
}`;

/** Opens a drawing tab in `browser`; `pdf(id)` gives the bytes of the PDF `id`, while it is being drawn. */
export async function openDrawTab(browser: Browser, pdf: (id: string) => Uint8Array | undefined): Promise<DrawTab> {
  const files = await pdfjsFiles();
  // A browser context of its own, so that no other tab opening beside it hides it.
  const page = await ownPage(browser);
  try {
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => void answer(request, files, pdf));
    await page.goto(`${ORIGIN}/`);
    await page.evaluate(`(${SETUP})()`);
  } catch (error) {
    await page.close().catch(() => undefined);
    throw error;
  }
  return {
    async draw(id, width, from, to, under) {
      const images = under?.map((side) => side.map(({ png, x, y }) => ({ png: Buffer.from(png).toString('base64'), x, y })));
      const args = [id, width, from, to, images ?? null].map((arg) => JSON.stringify(arg)).join(', ');
      const urls = (await page.evaluate(`zineThumbnails.draw(${args})`)) as string[];
      return urls.map((url) => new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')));
    },
    async count(id) {
      return (await page.evaluate(`zineThumbnails.count(${JSON.stringify(id)})`)) as number;
    },
    async forget(id) {
      await page.evaluate(`zineThumbnails.forget(${JSON.stringify(id)})`);
    },
    async close() {
      await page.close();
    },
  };
}

function answer(request: HTTPRequest, files: Record<string, string>, pdf: (id: string) => Uint8Array | undefined): Promise<void> {
  const url = new URL(request.url());
  if (url.origin !== ORIGIN) return request.abort('blockedbyclient');
  if (url.pathname === '/') {
    return request.respond({ contentType: 'text/html', body: '<!doctype html><link rel=icon href=data:,><title>thumbnails</title>' });
  }
  const file = files[url.pathname];
  if (file !== undefined) return request.respond({ contentType: 'text/javascript', body: file });
  const bytes = url.pathname.startsWith('/pdf/') ? pdf(decodeURIComponent(url.pathname.slice(5))) : undefined;
  if (bytes !== undefined) return request.respond({ contentType: 'application/pdf', body: Buffer.from(bytes) });
  return request.respond({ status: 404, body: '' });
}
