/**
 * One tab of the build's browser that draws PDF pages with pdf.js, and
 * composes pictures without it. It is opened once and kept: pdf.js is loaded
 * and its worker started a single time, at the first PDF to draw (a build whose
 * thumbnails are all pictures of its layouts never loads it), and a PDF stays
 * parsed (its fonts too) while pages of it are asked for. The
 * tab's only origin is a made-up one whose requests are all answered from here
 * (pdf.js and the PDFs); any other request is refused, so nothing is fetched
 * from the network.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, HTTPRequest } from 'puppeteer-core';
import { ownPage } from '../util/own-page.ts';

/**
 * A picture made with no PDF: images laid on white, lines stroked over them,
 * all in pixels from the top-left corner (a sheet side from its pages'
 * pictures and its marks: sheets.ts).
 */
export interface Composition {
  width: number;
  height: number;
  /** PNGs, each at its top-left corner, upright or turned a half-turn (default 0). */
  images: { png: Uint8Array; x: number; y: number; turn?: 0 | 180 }[];
  /** Grey from 0 (black) to 1 (white); width and dashes in pixels. */
  lines: { from: { x: number; y: number }; to: { x: number; y: number }; grey: number; width: number; dash: number[] }[];
}

export interface DrawTab {
  /** PNGs of pages `from`..`to` (1-based, inclusive) of the PDF `id` serves, each `width` pixels wide. */
  draw(id: string, width: number, from: number, to: number): Promise<Uint8Array[]>;
  /** A PNG of each composition. */
  compose(compositions: Composition[]): Promise<Uint8Array[]>;
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
  let pdfjs;
  const load = () => (pdfjs ??= (async () => {
    const lib = await import('/pdf.mjs');
    lib.GlobalWorkerOptions.workerSrc = '/pdf.worker.mjs';
    const worker = new lib.PDFWorker();
    await worker.promise;
    return { lib, worker };
  })());
  const docs = new Map();
  const open = (id) => {
    if (!docs.has(id)) docs.set(id, load().then(({ lib, worker }) => lib.getDocument({ url: '/pdf/' + id, isEvalSupported: false, worker }).promise));
    return docs.get(id);
  };
  const dataUrl = (blob) => new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
  const png = (canvas) => new Promise((resolve) => canvas.toBlob(resolve, 'image/png')).then(dataUrl);
  const whiteCanvas = (width, height) => {
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { alpha: false, willReadFrequently: true });
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    return { canvas, context };
  };
  globalThis.zineThumbnails = {
    async draw(id, width, from, to) {
      const doc = await open(id);
      const urls = [];
      for (let n = from; n <= to; n += 1) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const { canvas, context } = whiteCanvas(Math.round(viewport.width), Math.round(viewport.height));
        await page.render({ canvasContext: context, viewport, intent: 'print', background: 'rgba(0,0,0,0)' }).promise;
        urls.push(png(canvas));
      }
      return Promise.all(urls);
    },
    compose(compositions) {
      return Promise.all(compositions.map(async ({ width, height, images, lines }) => {
        const { canvas, context } = whiteCanvas(width, height);
        const bitmaps = await Promise.all(images.map(({ png: base64 }) => {
          // Chromium's own base64 decoding (from version 140), rather than a character at a time.
          const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          return createImageBitmap(new Blob([bytes], { type: 'image/png' }), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
        }));
        images.forEach(({ x, y, turn }, i) => {
          const bitmap = bitmaps[i];
          // A half-turn as an exact matrix (a rotation by Math.PI leaves a trace of sine that resamples).
          if (turn === 180) context.setTransform(-1, 0, 0, -1, x + bitmap.width, y + bitmap.height);
          context.drawImage(bitmap, turn === 180 ? 0 : x, turn === 180 ? 0 : y);
          context.resetTransform();
        });
        for (const { from, to, grey, width: lineWidth, dash } of lines) {
          const level = Math.round(grey * 255);
          context.strokeStyle = 'rgb(' + level + ',' + level + ',' + level + ')';
          context.lineWidth = lineWidth;
          context.setLineDash(dash);
          context.beginPath();
          context.moveTo(from.x, from.y);
          context.lineTo(to.x, to.y);
          context.stroke();
        }
        return png(canvas);
      }));
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
    async draw(id, width, from, to) {
      const args = [id, width, from, to].map((arg) => JSON.stringify(arg)).join(', ');
      return pngsOf((await page.evaluate(`zineThumbnails.draw(${args})`)) as string[]);
    },
    async compose(compositions) {
      const sent = compositions.map((composition) => ({
        ...composition,
        images: composition.images.map(({ png, ...at }) => ({ png: Buffer.from(png).toString('base64'), ...at })),
      }));
      return pngsOf((await page.evaluate(`zineThumbnails.compose(${JSON.stringify(sent)})`)) as string[]);
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

/** The PNGs of data: URLs. */
function pngsOf(urls: string[]): Uint8Array[] {
  return urls.map((url) => new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64')));
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
