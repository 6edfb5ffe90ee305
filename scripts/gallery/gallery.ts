/**
 * The gallery: output/index.html and each document's thumbnails, written by
 * every `zine build`. A document's PDFs are drawn in the build's browser as
 * soon as each is made, while its other formats and other documents are still
 * laid out; its folder gets the thumbnails only once its files are committed,
 * staged, then moved in. index.html is written atomically at
 * the end from every document folder's manifest, including the ones this
 * build did not touch.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Format } from '../config/frontmatter.ts';
import type { OnMade } from '../formats/make.ts';
import { kindOf } from '../util/no-follow.ts';
import type { Reporter } from '../util/reporter.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { allSides, type Plan } from '../impose/plan.ts';
import { isDrawn, thumbnailWidth, writeDocumentGallery, type MadeDocument } from './document.ts';
import type { ThumbnailDrawer } from './drawer.ts';
import { GENERATOR, galleryHtml } from './html.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { markInPixels, sidePlacements } from './sheets.ts';

export type { MadeDocument } from './document.ts';

/**
 * Whether the gallery may be written into `out`: its index.html is absent, or
 * a gallery an earlier build wrote. A page the build did not make is left as
 * it is, with a warning, and then no thumbnails are drawn either.
 */
export async function galleryAllowed(out: string, reporter: Reporter): Promise<boolean> {
  const path = join(out, 'index.html');
  // Only a regular file is read (never through a link, nor a pipe that would never end) or replaced.
  const kind = await kindOf(path);
  if (kind !== undefined && kind !== 'file') {
    reporter.warn(`${path}: a ${kind}, not a page Zinepress made, so it is left as it is and no gallery is written`);
    return false;
  }
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  if (existing === undefined || existing.includes(`<meta name="generator" content="${GENERATOR}">`)) return true;
  reporter.warn(`${path}: not a page Zinepress made, so it is left as it is and no gallery is written`);
  return false;
}

/** One document's thumbnails: drawn as its PDFs are made, written once the document is in place. */
export interface DocumentThumbnails {
  /** Starts drawing a file the build just made, if the gallery shows it as pages. */
  onMade: OnMade;
  /** Waits for the drawings of the formats `made` lists and writes them, with its manifest, into its folder. */
  write(made: MadeDocument): Promise<void>;
}

export function documentThumbnails(drawer: ThumbnailDrawer): DocumentThumbnails {
  const drawn = new Map<Format, Promise<Uint8Array[]>>();
  return {
    onMade({ format, file, bytes, plan, pictures }) {
      if (!isDrawn(file)) return;
      const width = thumbnailWidth(format);
      // Pages pictured from their layout are not drawn again. An imposed format's sides are its pages
      // placed: from their pictures, or for the booklet, whose pages are the reading edition's, from
      // the reading thumbnails when those are drawn.
      const pages = plan && (pictures ? Promise.resolve(pictures) : format === 'booklet' ? drawn.get('reading') : undefined);
      const pngs =
        plan && pages ? pages.then((thumbnails) => drawSides(drawer, { bytes, plan, width, thumbnails }))
        : pictures ? Promise.resolve(pictures)
        : drawer.draw(bytes, width);
      // A document that fails after this never asks for them: its drawing fails quietly.
      pngs.catch(() => undefined);
      drawn.set(format, pngs);
    },
    async write(made) {
      const pngs = Promise.all(
        made.formats.filter(({ file }) => isDrawn(file)).map(({ format }) => drawn.get(format) ?? Promise.reject(new Error(`${made.name}: ${format} was never drawn`))),
      );
      pngs.catch(() => undefined); // a failed drawing is reported where writeDocumentGallery awaits it
      await writeDocumentGallery(made, pngs);
    },
  };
}

/**
 * The sides of an imposed PDF whose plan places the pages' `thumbnails` (the
 * source's pages): each side is those thumbnails with the side's marks
 * stroked over them, if that is exactly the side (see sheets.ts); else the
 * imposed PDF itself is drawn.
 */
async function drawSides(drawer: ThumbnailDrawer, imposed: { bytes: Uint8Array; plan: Plan; width: number; thumbnails: Uint8Array[] }): Promise<Uint8Array[]> {
  const { bytes, plan, width, thumbnails } = imposed;
  // A PNG's width and height are the two 4-byte numbers of its header chunk.
  const sizes = thumbnails.map((png) => {
    const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
    return { width: view.getUint32(16), height: view.getUint32(20) };
  });
  const placements = sidePlacements(plan, sizes, width);
  if (placements === undefined) return drawer.draw(bytes, width);
  const scale = width / plan.sheet.width;
  const height = Math.round(plan.sheet.height * scale);
  return drawer.compose(
    allSides(plan).map((side, i) => ({
      width,
      height,
      images: (placements[i] ?? []).map(({ page, x, y, turn }) => ({ png: thumbnails[page] as Uint8Array, x, y, turn })),
      lines: side.marks.map((line) => markInPixels(line, plan.sheet.height, scale)),
    })),
  );
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
