/**
 * The gallery: output/index.html and each document's thumbnails, written by
 * every `zine build`. A document's thumbnails are drawn in the build's browser
 * as soon as its files are in place, while other layouts may still run; its
 * folder gets them staged, then moved in. index.html is written atomically at
 * the end from every document folder's manifest, including the ones this
 * build did not touch.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { pdfsToDraw, writeDocumentGallery, type MadeDocument } from './document.ts';
import { GENERATOR, galleryHtml } from './html.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { renderThumbnails } from './thumbnails.ts';

export type { MadeDocument } from './document.ts';

/**
 * Whether the gallery may be written into `out`: its index.html is absent, or
 * a gallery an earlier build wrote. A page the build did not make is left as
 * it is, with a warning, and then no thumbnails are drawn either.
 */
export async function galleryAllowed(out: string): Promise<boolean> {
  const path = join(out, 'index.html');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === undefined || existing.includes(`<meta name="generator" content="${GENERATOR}">`)) return true;
  console.warn(`${path}: not a page Zinepress made, so it is left as it is and no gallery is written`);
  return false;
}

/** Draws one document's thumbnails and writes them, with its manifest, into its folder. */
export async function drawDocumentGallery(made: MadeDocument, browser: Browser): Promise<void> {
  const pngs = await renderThumbnails({ browser, pdfs: await pdfsToDraw(made) });
  await writeDocumentGallery(made, pngs);
}

/** Writes `<out>/index.html` from the manifests of every document folder in `out`, and returns its path. */
export async function writeGalleryIndex(out: string): Promise<string> {
  const path = join(out, 'index.html');
  await writeFileAtomic(path, galleryHtml(await allManifests(out)));
  return path;
}

/** The manifests of every document folder in `out`, by name. */
async function allManifests(out: string): Promise<Manifest[]> {
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  const manifests = await Promise.all(names.map((name) => readManifest(join(out, name))));
  return manifests.filter((manifest): manifest is Manifest => manifest !== undefined);
}
