/**
 * What the gallery knows of one document, kept beside its thumbnails in
 * output/<name>/thumbnails/gallery.json. The index is made from every
 * document folder's manifest, so a build of one source still lists the
 * documents built before.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as v from 'valibot';
import { DIRECTIONS } from '../config/direction.ts';
import { FORMATS, PAPER_SIZES } from '../config/frontmatter.ts';
import { BINDINGS } from '../impose/plan.ts';

/** The folder, inside a document's output folder, that holds its thumbnails and manifest. */
export const THUMBNAILS = 'thumbnails';
export const MANIFEST = 'gallery.json';

const FormatEntrySchema = v.object({
  format: v.picklist(FORMATS),
  /** The PDF, relative to the document's folder. */
  file: v.string(),
  pages: v.number(),
  sheets: v.optional(v.number()),
  /** A booklet folded in signatures: its sheets per signature. */
  signature: v.optional(v.number()),
  /** One PNG per PDF page (a page, or a sheet side), relative to the document's folder. */
  thumbnails: v.array(v.string()),
});

export const ManifestSchema = v.object({
  name: v.string(),
  title: v.string(),
  lang: v.string(),
  dir: v.picklist(DIRECTIONS),
  paper: v.picklist(PAPER_SIZES),
  binding: v.picklist(BINDINGS),
  /** Whether the document has a tear-out card; true in manifests written before it was recorded. */
  card: v.optional(v.boolean(), true),
  formats: v.array(FormatEntrySchema),
  /** The one-sheet test print, relative to the document's folder, when it has a booklet. */
  testSheet: v.optional(v.string()),
  /** Diagram PNGs copied from docs/printing, by file name, relative to the document's folder. */
  diagrams: v.record(v.string(), v.string()),
  /** What was removed from each image, one line each ("march.jpg: GPS position, camera removed"); none before this was kept. */
  privacy: v.optional(v.array(v.string()), []),
  /** The flip-book this document opens (formats/flip-book.ts): read from its front cover, the other text from the back. */
  flipBook: v.optional(
    v.object({
      file: v.string(),
      pages: v.number(),
      sheets: v.number(),
      /** The text read from the back cover. */
      second: v.object({ name: v.string(), title: v.string(), lang: v.string(), dir: v.picklist(DIRECTIONS) }),
      /** The second text is printed upside down. */
      turned: v.boolean(),
      /** The front cover's picture and the back cover's (the second text's, upright), relative to the document's folder. */
      covers: v.tuple([v.string(), v.string()]),
      /** One PNG per sheet side. */
      thumbnails: v.array(v.string()),
    }),
  ),
  /** The build's warnings for it, one `file:line:col: reason` line each; none in manifests written before they were kept. */
  warnings: v.optional(v.array(v.string()), []),
});

export type Manifest = v.InferOutput<typeof ManifestSchema>;
export type FormatEntry = v.InferOutput<typeof FormatEntrySchema>;

/** The manifest in output/<name>/, or undefined when there is none (or it is not one of ours). */
export async function readManifest(documentDir: string): Promise<Manifest | undefined> {
  const text = await readFile(join(documentDir, THUMBNAILS, MANIFEST), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    const result = v.safeParse(ManifestSchema, JSON.parse(text));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}
