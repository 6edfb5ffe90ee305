/**
 * Thumbnails of a laid-out tab's pages, taken from the tab itself once it has
 * printed: the pages are already set there, so the browser draws them straight
 * away, where pdf.js would first read the PDF and then draw every glyph one by
 * one. The screenshots take 0.07-0.16 s for the essay's 12 pages and 0.45-0.8 s
 * for the essay ×20's 112; pdf.js drew them in 0.55 s and 3.6 s, after the PDF.
 * They are taken, and then cut up in the tab, while node finishes the printed
 * PDF (its text layer lets node answer the tab between pages), on the core the
 * browser would otherwise leave idle.
 *
 * The pages are set one under the other, each starting on a whole pixel of
 * the picture with a white row between two, and taken a batch at a time in one
 * screenshot; the tab then cuts that into one PNG per page. Each picture is as
 * pdf.js would size it: `width` pixels wide, the page's height at that scale,
 * rounded.
 */
import type { Page } from 'puppeteer-core';

export interface PagePicturesOptions {
  /** A tab laid out by `paginate`, and printed: it is not laid out again after this. */
  page: Page;
  /** Each picture's width in pixels; its height follows the page. */
  width: number;
  /** Pages taken in one screenshot. Default 100. */
  batch?: number;
}

/** How the pages were set for the screenshots (see arrange). */
interface Arranged {
  count: number;
  /** Where the first page's top-left corner is, in CSS pixels. */
  left: number;
  top: number;
  /** A page's width and the distance between two pages' tops, in CSS pixels. */
  pageWidth: number;
  pitch: number;
  /** A picture's height, and the distance between two pages' tops, in pixels of the screenshot. */
  rows: number;
  pitchRows: number;
}

/**
 * Takes the screenshots, and returns once they are taken: the tab may then be
 * left to cut them up while node does other work, and `cut` gives one PNG per
 * page, in order. Undefined when the pages are not all of one size (each would
 * need a scale of its own: draw them from the PDF instead).
 */
export async function takePagePictures(options: PagePicturesOptions): Promise<{ cut: Promise<Uint8Array[]> } | undefined> {
  const { page, width, batch = 100 } = options;
  const arranged = (await page.evaluate(arrange, width)) as Arranged | null;
  if (arranged === null) return undefined;
  const scale = width / arranged.pageWidth;
  const client = await page.createCDPSession();
  const cutting: Promise<string[]>[] = [];
  try {
    // Every screenshot first: a screenshot waits for the tab's thread, which a cut would hold.
    const shots: { data: string; count: number }[] = [];
    for (let first = 0; first < arranged.count; first += batch) {
      const count = Math.min(batch, arranged.count - first);
      const clip = { x: arranged.left, y: arranged.top + first * arranged.pitch, width: arranged.pageWidth, height: count * arranged.pitch, scale };
      const { data } = await client.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: true, optimizeForSpeed: true });
      shots.push({ data, count });
    }
    for (const { data, count } of shots) {
      // Sent now, to be cut while node works (page.evaluate sends only after a few turns of the event loop).
      const args = [data, count, arranged.rows, arranged.pitchRows].map((arg) => JSON.stringify(arg)).join(', ');
      const call = client.send('Runtime.evaluate', { expression: `(${cut.toString()})(${args})`, awaitPromise: true, returnByValue: true });
      cutting.push(call.then(({ result, exceptionDetails }) => {
        if (exceptionDetails) throw new Error(`the page pictures could not be cut: ${exceptionDetails.text}`);
        return result.value as string[];
      }));
    }
    // A message of megabytes leaves node only as the socket takes it, which needs a free event
    // loop: once a short message sent after them is answered, the browser has them all.
    await client.send('Runtime.evaluate', { expression: '0' });
  } catch (error) {
    // The cuts already sent fail with the tab: nobody will wait for them now.
    for (const call of cutting) call.catch(() => undefined);
    await client.detach().catch(() => undefined);
    throw error;
  }
  const pictures = Promise.all(cutting).then((batches) => batches.flat().map((url) => new Uint8Array(Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'))));
  return { cut: pictures.finally(() => client.detach().catch(() => undefined)) };
}

/**
 * Runs in the tab: sets every page at a top that falls on a whole pixel of a
 * picture `width` pixels wide, a row apart; null if the pages differ in size.
 */
function arrange(width: number): Arranged | null {
  const pages = [...document.querySelectorAll<HTMLElement>('.pagedjs_page')];
  const first = pages[0];
  const parent = first?.parentElement;
  if (!first || !parent) return null;
  const size = first.getBoundingClientRect();
  const sameSize = pages.every((page) => {
    const box = page.getBoundingClientRect();
    return Math.abs(box.width - size.width) < 0.01 && Math.abs(box.height - size.height) < 0.01;
  });
  if (!sameSize || size.width === 0) return null;
  const scale = width / size.width;
  const rows = Math.round(size.height * scale);
  const pitchRows = Math.ceil(size.height * scale) + 1;
  const pitch = pitchRows / scale;
  const origin = parent.getBoundingClientRect();
  parent.style.position = 'relative';
  parent.style.height = `${pages.length * pitch}px`;
  pages.forEach((page, i) => {
    // Each top is set on its own, so no rounding adds up from page to page.
    Object.assign(page.style, { position: 'absolute', left: '0px', top: `${i * pitch}px`, margin: '0px' });
  });
  return { count: pages.length, left: origin.left + scrollX, top: origin.top + scrollY, pageWidth: size.width, pitch, rows, pitchRows };
}

/** Runs in the tab: cuts a screenshot of `count` pages into one PNG each, as data URLs. */
async function cut(png: string, count: number, rows: number, pitchRows: number): Promise<string[]> {
  // Decoded from memory: a data: URL would be a request, held up by the tab's request
  // interception until node is free. Uint8Array.fromBase64 is Chromium's own (from 140).
  const fromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> }).fromBase64;
  const bytes = fromBase64 ? fromBase64(png) : Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
  const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const pictures = Array.from({ length: count }, async (_, i) => {
    const canvas = new OffscreenCanvas(image.width, rows);
    canvas.getContext('2d')?.drawImage(image, 0, i * pitchRows, image.width, rows, 0, 0, image.width, rows);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as string);
      reader.onerror = () => reject(reader.error ?? new Error('a page picture could not be read'));
      reader.readAsDataURL(blob);
    });
  });
  return Promise.all(pictures);
}
