/**
 * The read-back: every printed layout that carries the text is read back from
 * its PDF, as a reader's tools read it, independently of the layout's own
 * report (read-back/printed-text.ts: poppler), and judged as a reader would:
 * every line ends where the language allows (read-back/line-ends.ts), no
 * paragraph leaves a lone line at a page's foot or top (lone-lines.ts), and
 * every image of the text is on a page, inside its text block (images.ts). A fault stops the build,
 * naming the page and the block's place in the markdown. A justified line
 * whose word spaces open wider than the type (word-spaces.ts) is warned of,
 * the same way, and does not stop it.
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
import { mark, marked, markedSync } from '../util/timeline.ts';
import { justifiedLines, wideSpaces, type WideSpace } from './read-back/word-spaces.ts';

export interface ReadBackOptions {
  /** Whether the edition breaks words with hyphens at all. Default: true (large print: false). */
  hyphenates?: boolean;
  /** Whether every image of the text must be in it. Default: true (the card's slips: false). */
  carriesImages?: boolean;
  /** Whether widows and orphans are judged. Default: true. */
  loneLines?: boolean;
  /** Each page's text block, in which its images must lie (the layout report's `textBlocks`). Default: none, images not judged for place. */
  textBlocks?: readonly (Box & { page: number })[];
  /** The body type's size in points, against which word spaces are judged (0: not judged). Default: 0. */
  em?: number;
  /** The PDF's page count (the layout report's): a long PDF is read in two halves at once. Default: 0, unknown, read in one run. */
  pages?: number;
}

const DEFAULTS: Required<ReadBackOptions> = { hyphenates: true, carriesImages: true, loneLines: true, textBlocks: [], em: 0, pages: 0 };

/** What a reader would find in a printed PDF: faults, which stop the build, and word spaces wider than the bound, which it warns of. */
export interface ReadBack {
  faults: LineFault[];
  wideSpaces: WideSpace[];
}

const texts = new WeakMap<object, SourceText>();
/** The document's text and images as the read-back compares them, made once per document. */
function sourceOf(tree: DocumentContext['markdown']['tree']): SourceText {
  let source = texts.get(tree);
  if (source === undefined) texts.set(tree, (source = sourceText(tree)));
  return source;
}

/** What a reader would find in a printed PDF of the document: its faults in page order (images last), and its wide word spaces. */
export async function readBack(context: DocumentContext, pdf: Uint8Array, options: ReadBackOptions = {}): Promise<ReadBack> {
  const { hyphenates, carriesImages, loneLines, textBlocks, em, pages: pageCount } = { ...DEFAULTS, ...options };
  const { tree, frontMatter } = context.markdown;
  const source = sourceOf(tree);
  const checksImages = carriesImages && source.images.length > 0;
  mark('read-back begins');
  const pages = await marked('read-back: pdftotext', () => readPrinted(pdf, { images: checksImages, pages: pageCount }));
  const placed = markedSync('read-back: lines placed', () => placeLines(pages, source, { continued: context.document.labels.continued, title: frontMatter.title }));
  const faults = markedSync('read-back: line ends, lone lines', () => [...lineEndFaults(placed, source, hyphenates), ...(loneLines ? loneLineFaults(placed, source.body) : [])]);
  faults.sort((a, b) => a.page - b.page);
  if (checksImages) faults.push(...imageFaults(pages, await sizedImages(context.stage.dir, source.images), textBlocks));
  const wide = markedSync('read-back: word spaces', () => (em > 0 ? wideSpaces(justifiedLines(pages, em, textBlocks), placed, source.body, em) : []));
  mark('read-back ends');
  return { faults, wideSpaces: wide };
}

/** The first five of a list of findings, each with its place and page, and how many more there are. */
function said(context: DocumentContext, layout: Layout, found: readonly { page: number; place: string; reason: string }[]): string[] {
  const shown = found.slice(0, 5).map(({ page, place, reason }) => `${context.source}:${place}: read back from the ${layout.trim} layout${page > 0 ? `, page ${page}` : ''}: ${reason}`);
  return found.length > shown.length ? [...shown, `(and ${found.length - shown.length} more)`] : shown;
}

/** Reads a printed layout back: stops the build at the first faults a reader would see, and warns of justified lines with holes. */
export async function checkReadBack(context: DocumentContext, layout: Layout, pdf: Uint8Array, options: ReadBackOptions = {}): Promise<void> {
  const { faults, wideSpaces: wide } = await readBack(context, pdf, { textBlocks: layout.report.textBlocks, pages: layout.report.pageCount, ...options });
  if (faults.length > 0) throw new ContentError(said(context, layout, faults).join('\n'));
  for (const line of said(context, layout, wide)) context.reporter.warn(line);
}

/** The web edition's page shows every image of the text, or the build stops naming the first it lacks. */
export function checkWebImages(context: DocumentContext, html: string): void {
  const faults = missingWebImages(html, sourceOf(context.markdown.tree).images);
  if (faults.length === 0) return;
  throw new ContentError(faults.slice(0, 5).map(({ place, reason }) => `${context.source}:${place}: ${reason}`).join('\n'));
}
