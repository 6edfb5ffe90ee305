/**
 * The read-back: every printed layout that carries the text is read back from
 * its PDF, as a reader's tools read it, independently of the layout's own
 * report (read-back/printed-text.ts: poppler), and judged as a reader would:
 * every line ends where the language allows (read-back/line-ends.ts), no
 * paragraph leaves a lone line at a page's foot or top (lone-lines.ts), and
 * every image of the text is on a page, inside its text block (images.ts). A fault stops the build,
 * naming the page and the block's place in the markdown.
 */
import { ContentError } from '../util/errors.ts';
import type { DocumentContext } from './context.ts';
import type { Layout } from './lay-out.ts';
import type { Box } from './read-back/drawn-images.ts';
import { imageFaults, sizedImages } from './read-back/images.ts';
import { lineEndFaults, type LineFault } from './read-back/line-ends.ts';
import { loneLineFaults } from './read-back/lone-lines.ts';
import { placeLines } from './read-back/place-lines.ts';
import { readPrinted } from './read-back/printed-text.ts';
import { sourceText, type SourceText } from './read-back/source-text.ts';
import { missingWebImages } from './read-back/web-images.ts';

export interface ReadBackOptions {
  /** Whether the edition breaks words with hyphens at all. Default: true (large print: false). */
  hyphenates?: boolean;
  /** Whether every image of the text must be in it. Default: true (the card's slips: false). */
  carriesImages?: boolean;
  /** Whether widows and orphans are judged. Default: true. */
  loneLines?: boolean;
  /** Each page's text block, in which its images must lie (the layout report's `textBlocks`). Default: none, images not judged for place. */
  textBlocks?: readonly (Box & { page: number })[];
}

const DEFAULTS: Required<ReadBackOptions> = { hyphenates: true, carriesImages: true, loneLines: true, textBlocks: [] };

const texts = new WeakMap<object, SourceText>();
/** The document's text and images as the read-back compares them, made once per document. */
function sourceOf(tree: DocumentContext['markdown']['tree']): SourceText {
  let source = texts.get(tree);
  if (source === undefined) texts.set(tree, (source = sourceText(tree)));
  return source;
}

/** The faults a reader would find in a printed PDF of the document, in page order (images last). */
export async function readBackFaults(context: DocumentContext, pdf: Uint8Array, options: ReadBackOptions = {}): Promise<LineFault[]> {
  const { hyphenates, carriesImages, loneLines, textBlocks } = { ...DEFAULTS, ...options };
  const { tree, frontMatter } = context.markdown;
  const source = sourceOf(tree);
  const checksImages = carriesImages && source.images.length > 0;
  const pages = await readPrinted(pdf, { images: checksImages });
  const placed = placeLines(pages, source, { continued: context.document.labels.continued, title: frontMatter.title });
  const faults = [...lineEndFaults(placed, source, hyphenates), ...(loneLines ? loneLineFaults(placed, source.body) : [])];
  faults.sort((a, b) => a.page - b.page);
  if (checksImages) faults.push(...imageFaults(pages, await sizedImages(context.stage.dir, source.images), textBlocks));
  return faults;
}

/** Reads a printed layout back and stops the build at the first faults a reader would see. */
export async function checkReadBack(context: DocumentContext, layout: Layout, pdf: Uint8Array, options: ReadBackOptions = {}): Promise<void> {
  const faults = await readBackFaults(context, pdf, { textBlocks: layout.report.textBlocks, ...options });
  if (faults.length === 0) return;
  const shown = faults.slice(0, 5).map(({ page, place, reason }) => `${context.source}:${place}: read back from the ${layout.trim} layout${page > 0 ? `, page ${page}` : ''}: ${reason}`);
  const more = faults.length > shown.length ? `\n(and ${faults.length - shown.length} more)` : '';
  throw new ContentError(`${shown.join('\n')}${more}`);
}

/** The web edition's page shows every image of the text, or the build stops naming the first it lacks. */
export function checkWebImages(context: DocumentContext, html: string): void {
  const faults = missingWebImages(html, sourceOf(context.markdown.tree).images);
  if (faults.length === 0) return;
  throw new ContentError(faults.slice(0, 5).map(({ place, reason }) => `${context.source}:${place}: ${reason}`).join('\n'));
}
