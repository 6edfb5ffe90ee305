/**
 * The gallery: output/index.html and each document's thumbnails, written by
 * every `zine build` once its documents are in place. The thumbnails are drawn
 * in the build's browser, all in one tab; each document's folder gets its own
 * (staged, then moved in), and index.html is written atomically from every
 * document folder's manifest, including the ones this build did not touch.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { Format, PaperSize } from '../config/frontmatter.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { pdfsToDraw, writeDocumentGallery, type MadeDocument } from './document.ts';
import { GENERATOR, galleryHtml } from './html.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { renderThumbnails } from './thumbnails.ts';

export type { MadeDocument } from './document.ts';

export interface GalleryOptions {
  /** The output folder: index.html goes here. */
  out: string;
  /** The sources this build read. */
  sources: readonly string[];
  /** What this build made: a row per document and format, `file` inside `out`. */
  rows: readonly { document: string; format: Format; pages: number; sheets: number | undefined; file: string }[];
  /** The paper asked for on the command line, over the front matter's. */
  paper?: PaperSize | undefined;
  browser: Browser;
  /** Print a line when done. Default: false. */
  progress?: boolean;
}

function madeDocuments(options: GalleryOptions): MadeDocument[] {
  return options.sources.flatMap((source) => {
    const name = basename(source, '.md');
    const dir = join(options.out, name);
    const formats = options.rows
      .filter((row) => row.document === name)
      .map((row) => ({ format: row.format, file: relative(dir, row.file), pages: row.pages, sheets: row.sheets }));
    return formats.length === 0 ? [] : [{ name, source, dir, paper: options.paper, formats }];
  });
}

/** Whether `<out>/index.html` is free to write: absent, or a gallery an earlier build wrote. */
async function indexIsOurs(path: string): Promise<boolean> {
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  return existing === undefined || existing.includes(`<meta name="generator" content="${GENERATOR}">`);
}

/**
 * Writes the gallery and returns the path of index.html, or undefined when an
 * index.html the build did not make is in the way (it is left as it is, with a warning).
 */
export async function writeGallery(options: GalleryOptions): Promise<string | undefined> {
  const started = performance.now();
  const { out, browser } = options;
  const path = join(out, 'index.html');
  if (!(await indexIsOurs(path))) {
    console.warn(`${path}: not a page Zinepress made, so it is left as it is and no gallery is written`);
    return undefined;
  }
  const documents = madeDocuments(options);
  const toDraw = await Promise.all(documents.map(pdfsToDraw));
  const drawn = await renderThumbnails({ browser, pdfs: toDraw.flat() });
  let next = 0;
  await Promise.all(
    documents.map((made, index) => {
      const count = toDraw[index]?.length ?? 0;
      const pngs = drawn.slice(next, (next += count));
      return writeDocumentGallery(made, pngs);
    }),
  );
  await writeFileAtomic(path, galleryHtml(await allManifests(out)));
  if (options.progress === true) console.log(`gallery → ${path} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return path;
}

/** The manifests of every document folder in `out`, by name. */
async function allManifests(out: string): Promise<Manifest[]> {
  const entries = await readdir(out, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.')).map((entry) => entry.name).sort();
  const manifests = await Promise.all(names.map((name) => readManifest(join(out, name))));
  return manifests.filter((manifest): manifest is Manifest => manifest !== undefined);
}
