/**
 * One document's part of the gallery: its thumbnails (the reading edition's
 * pages, both sides of every imposed sheet), a one-sheet test print, the
 * folding diagrams it needs and its manifest, staged and moved together into
 * output/<name>/thumbnails/.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ResolvedDocument } from '../config/document.ts';
import type { Format, PaperSize } from '../config/frontmatter.ts';
import { sheetSize } from '../impose/paper.ts';
import { DIAGRAMS_DIR } from '../util/project-root.ts';
import { openStage } from '../util/stage.ts';
import { instructionsFor } from './instructions.ts';
import { MANIFEST, THUMBNAILS, type Manifest } from './manifest.ts';

/** What the build made of one document. */
export interface MadeDocument {
  name: string;
  source: string;
  /** The document's output folder. */
  dir: string;
  /** Its settings, as the build resolved them. */
  document: ResolvedDocument;
  formats: { format: Format; file: string; pages: number; sheets: number | undefined; signature?: number }[];
  /** What was removed from each image (images/privacy.ts). Default: none listed. */
  privacy?: string[];
  /** Its warnings, one `file:line:col: reason` line each, as the build printed them. Default: none. */
  warnings?: string[];
  /** Whether it has a tear-out card (the folding steps then say to cut it out). */
  card: boolean;
}

/** Pixels: a page thumbnail is this wide; a sheet side (two pages or more) twice as wide. */
export const PAGE_WIDTH = 150;
export const SHEET_WIDTH = 300;
/**
 * Pixels: a slips side, and a card on it. At half a pixel a point, a letter
 * sheet is 306 px wide and each quarter-letter card 153 by 198, all whole, so
 * that a side is its cards' pictures placed (sheets.ts) and not drawn again.
 */
export const SLIPS_WIDTH = 306;
export const CARD_WIDTH = 153;
/**
 * Pixels: a mini zine's side, and a page on it. At 7 px for 18 points, a
 * letter sheet is 308 px wide and each cell 77 by 119, all whole, so that a
 * side is its pages' pictures placed (sheets.ts) and not drawn again.
 */
export const MINI_WIDTH = 308;
export const MINI_PAGE_WIDTH = 77;

/** A 4-page numbered sample imposed as one booklet sheet: shows how the printer turns a sheet over. */
export async function testSheet(paper: PaperSize, binding: Manifest['binding']): Promise<Uint8Array> {
  const sheet = sheetSize(paper);
  // Loaded here, with pdf-lib, rather than before the first layout (see formats/pdf-stages.ts).
  const [{ numberedPdf }, { imposePdf }] = await Promise.all([import('../impose/sample.ts'), import('../impose/impose.ts')]);
  const sample = await numberedPdf(4, { width: sheet.width / 2, height: sheet.height });
  return imposePdf({ pdf: sample, layout: 'booklet', paper, binding, name: 'the test sheet' });
}

/** The width a format's pages are drawn at: a reading edition's page, or a sheet side. */
export function thumbnailWidth(format: Format): number {
  if (format === 'reading' || format === 'large-print') return PAGE_WIDTH;
  if (format === 'mini') return MINI_WIDTH;
  return format === 'slips' ? SLIPS_WIDTH : SHEET_WIDTH;
}

/** Whether a made file is drawn in the gallery: its PDFs are (the web edition is not one). */
export function isDrawn(file: string): boolean {
  return file.endsWith('.pdf');
}

/**
 * Writes output/<name>/thumbnails/ from the PNGs (one list per format, in
 * order), once drawn; the rest (the test print, the diagrams) is made while
 * they are still being drawn.
 */
export async function writeDocumentGallery(made: MadeDocument, drawn: Promise<Uint8Array[][]>): Promise<Manifest> {
  const { frontMatter, direction: dir, binding, paper } = made.document;
  const sample = made.formats.some((entry) => entry.format === 'booklet') ? testSheet(paper, binding) : undefined;
  sample?.catch(() => undefined); // its failure is reported where it is awaited
  // Staged like the document itself: thumbnails/ replaces the earlier one whole, the rest of the folder stays.
  const stage = await openStage(made.dir);
  try {
    await mkdir(join(stage.dir, THUMBNAILS));
    const pngs = await drawn;
    // The PNGs come in the order of the formats that are drawn.
    const pdfs = made.formats.filter(({ file }) => isDrawn(file));
    const formats = await Promise.all(
      made.formats.map(async (entry) => {
        const thumbnails = await Promise.all(
          (pngs[pdfs.indexOf(entry)] ?? []).map(async (png, page) => {
            const file = `${THUMBNAILS}/${entry.format}-${page + 1}.png`;
            await stage.write(file, png);
            return file;
          }),
        );
        return { ...entry, ...(entry.sheets === undefined ? {} : { sheets: entry.sheets }), thumbnails };
      }),
    );
    const diagrams: Record<string, string> = {};
    for (const { format, pages } of made.formats) {
      for (const diagram of instructionsFor(format, paper, binding, { card: made.card, pages }).diagrams) {
        const file = `${THUMBNAILS}/${diagram.file}`;
        await stage.write(file, await readFile(join(DIAGRAMS_DIR, diagram.file)));
        diagrams[diagram.file] = file;
      }
    }
    let testSheetFile: string | undefined;
    if (sample) {
      testSheetFile = `${THUMBNAILS}/test-sheet.pdf`;
      await stage.write(testSheetFile, await sample);
    }
    const manifest: Manifest = {
      name: made.name,
      title: frontMatter.title,
      lang: frontMatter.lang,
      dir,
      paper,
      binding,
      card: made.card,
      formats,
      ...(testSheetFile === undefined ? {} : { testSheet: testSheetFile }),
      diagrams,
      privacy: made.privacy ?? [],
      warnings: made.warnings ?? [],
    };
    await stage.write(`${THUMBNAILS}/${MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`);
    await stage.commit();
    return manifest;
  } catch (error) {
    await stage.discard();
    throw error;
  }
}
