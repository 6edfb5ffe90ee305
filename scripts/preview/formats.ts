/**
 * The preview's other formats, made after its reading pages are shown: each
 * by the build's own code (formats/booklet.ts, mini.ts, slips.ts, reading.ts
 * for large print) with its warnings, then drawn by pdf.js (gallery/drawer.ts)
 * as it will print: pages at their size, sheets at half theirs.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Format } from '../config/frontmatter.ts';
import { makeBooklet } from '../formats/booklet.ts';
import { FormatSkipped, type DocumentContext } from '../formats/context.ts';
import type { Wanted } from '../formats/make.ts';
import { makeMini } from '../formats/mini.ts';
import { preflightWarnings } from '../formats/preflight.ts';
import { layOutReading } from '../formats/reading.ts';
import { makeSlips } from '../formats/slips.ts';
import { svgHairlines } from '../formats/svg-hairlines.ts';
import type { ThumbnailDrawer } from '../gallery/drawer.ts';
import { sheetSize } from '../impose/paper.ts';
import { FORMAT_NAMES } from '../gallery/html.ts';
import { trimSize, type Trim } from '../paginate/document.ts';
import type { LayoutReport } from '../paginate/layout-report.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';

/** One picture of a printed page or sheet side, a file in the preview's folder, and its size in CSS pixels. */
export interface Picture {
  file: string;
  width: number;
  height: number;
}

/** A row of pictures under a heading: a format's pages, or its sheets; or why the format is not made. */
export interface Shown {
  format: Format;
  /** What the row is: `pages` at their size, or `sheets` at half theirs. */
  kind: 'pages' | 'sheets';
  heading: string;
  pictures: Picture[];
  /** The mini zine's type size, or why the format was skipped (then no pictures). */
  note?: string;
}

export interface FormatsOptions {
  context: DocumentContext;
  wanted: Wanted;
  /** The reading layout's PDF (finished at the first call) and report, when the reading edition or the booklet is wanted. */
  reading: { pdf: () => Promise<Uint8Array>; report: LayoutReport } | undefined;
  drawer: ThumbnailDrawer;
  /** This layout's number: the pictures' files are named after it. */
  version: number;
  /**
   * Awaited before each step (each layout, each drawing): waits while a newer
   * save's reading pages are laid out, and throws Superseded when this layout
   * is no longer the newest.
   */
  turn: () => Promise<void>;
}

/** A newer save came: this layout's formats are not made. */
export class Superseded extends Error {}

/** Removes the pictures of the layouts before `version` from the preview's folder: no page shows them any more. */
export async function removePicturesBefore(dir: string, version: number): Promise<void> {
  const names = await readdir(join(dir, 'formats')).catch(() => []);
  const older = names.filter((name) => Number(name.split('-')[0]) < version);
  await Promise.all(older.map((name) => rm(join(dir, 'formats', name), { force: true })));
}

/** CSS pixels in a point (96 to the inch, 72 points to the inch). */
const PX = 96 / 72;

/** A PNG's width and height: the two 4-byte numbers of its header chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Draws every page of `pdf` `width` points wide, at `scale`, and writes the pictures; each is shown at half its pixels. */
async function draw(options: FormatsOptions, name: string, pdf: Uint8Array, width: number, scale: number): Promise<Picture[]> {
  await options.turn();
  // Drawn at twice the size shown, so that type is as sharp as on a screen of today.
  const pngs = await options.drawer.draw(pdf, Math.round(width * PX * scale * 2));
  return Promise.all(
    pngs.map(async (png, index) => {
      const file = `formats/${options.version}-${name}-${index + 1}.png`;
      await writeFileAtomic(join(options.context.stage.dir, file), png);
      const size = pngSize(png);
      return { file, width: size.width / 2, height: size.height / 2 };
    }),
  );
}

/**
 * Each wanted format but the reading edition (shown as pages above) and the
 * web edition (not printed), in order; undefined when a newer save came first.
 */
export async function previewFormats(options: FormatsOptions): Promise<Shown[] | undefined> {
  const { wanted, reading } = options;
  // Each layout takes its turn after the reading pages of any newer save.
  const context: DocumentContext = { ...options.context, limit: (task) => options.turn().then(task) };
  const { paper } = context.document;
  const sheet = sheetSize(paper).width;
  const page = (trim: Trim) => trimSize(trim, paper).width;
  const warn = (line: string) => context.reporter.warn(line);
  const makers: [Format, () => Promise<Omit<Shown, 'format'>[]>][] = [
    ['booklet', async () => {
      if (!reading) return [];
      const { pdf } = await makeBooklet(context, await reading.pdf(), reading.report);
      return [{ kind: 'sheets', heading: 'Booklet: its sheets, front and back', pictures: await draw(options, 'booklet', pdf, sheet, 0.5) }];
    }],
    ['mini', async () => {
      const { pdf, pages, pagesPdf, fontSize } = await makeMini(context);
      const note = `type at ${fontSize} pt`;
      return [
        { kind: 'pages', heading: `Mini zine: its ${pages} pages, folded`, pictures: await draw(options, 'mini-pages', pagesPdf, page('mini'), 1), note },
        { kind: 'sheets', heading: pages === 8 ? 'Mini zine: its sheet' : 'Mini zine: its sheet, front and back', pictures: await draw(options, 'mini', pdf, sheet, 0.5) },
      ];
    }],
    ['slips', async () => {
      const { pdf } = await makeSlips(context);
      return [{ kind: 'sheets', heading: 'Card slips: the sheet, front and back', pictures: await draw(options, 'slips', pdf, sheet, 0.5) }];
    }],
    ['large-print', async () => {
      const large = await layOutReading(context, 'large-print');
      const booklet = await makeBooklet(context, large.pdf, large.report, { file: 'large-print-booklet.pdf' });
      return [
        { kind: 'pages', heading: 'Large print: its pages', pictures: await draw(options, 'large-print', large.pdf, page('reading'), 1) },
        { kind: 'sheets', heading: 'Large print: its booklet’s sheets', pictures: await draw(options, 'large-print-booklet', booklet.pdf, sheet, 0.5) },
      ];
    }],
  ];
  // The reading pages' SVG hairlines, measured in a tab of their own as the build does.
  if (reading) {
    // Finished and read back after any newer save's pages; a fault there is the first thing to say.
    await options.turn();
    await reading.pdf();
    await options.turn();
    const hairlines = await svgHairlines({ browser: await context.browser, dir: context.stage.dir, images: reading.report.vectorImages });
    for (const line of preflightWarnings(context.source, hairlines)) warn(line);
  }
  const shown: Shown[] = [];
  // One after the other, so that a save's reading pages wait for at most one layout of them.
  for (const [format, make] of makers) {
    if (!wanted.has(format)) continue;
    try {
      await options.turn();
      shown.push(...(await make()).map((row) => ({ format, ...row })));
    } catch (error) {
      if (error instanceof Superseded) return undefined;
      // A skipped format is said in its place; one the front matter asks for would stop the build.
      if (!(error instanceof FormatSkipped) || wanted.get(format) === 'asked') warn(error instanceof Error ? error.message : String(error));
      shown.push({ format, kind: 'pages', heading: `${FORMAT_NAMES[format]}: not made`, pictures: [], note: error instanceof Error ? error.message : String(error) });
    }
  }
  return shown;
}
