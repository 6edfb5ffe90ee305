/**
 * One document of a build: read its markdown, stage its fonts and images, lay
 * it out in the build's browser for each format it wants, move the finished
 * files into output/<name>/ together, and write its part of the gallery.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { terminal } from '../cli/terminal.ts';
import type { BuildSettings } from '../config/build-options.ts';
import { resolveDocument } from '../config/document.ts';
import type { Format } from '../config/frontmatter.ts';
import { LAYOUT_CHARACTERS } from '../config/limits.ts';
import { capitalsOfHtml } from '../fonts/capitals.ts';
import type { DocumentContext, FormatOutput } from '../formats/context.ts';
import type { FlipText } from '../formats/flip-book.ts';
import { makeFormats } from '../formats/make.ts';
import type { Gallery } from '../gallery/build-gallery.ts';
import { privacyLines } from '../images/privacy.ts';
import { formatMessage } from '../markdown/messages.ts';
import type { MarkdownWorkers } from '../markdown/worker.ts';
import { stageAssets } from '../paginate/assets.ts';
import { documentFonts, stageFonts } from '../paginate/fonts.ts';
import { documentStyle } from '../paginate/user-style.ts';
import type { Limiter } from '../util/concurrency.ts';
import { ContentError } from '../util/errors.ts';
import { documentName, outFolder, refuseInputsInside } from '../util/out-folders.ts';
import type { Reporter } from '../util/reporter.ts';
import { openStage } from '../util/stage.ts';
import { mark } from '../util/timeline.ts';
import type { BuildRow } from './row.ts';

/** What every document of a build shares. */
export interface Shared {
  settings: BuildSettings;
  browser: Promise<Browser>;
  limit: Limiter;
  /** Runs each source's markdown stage in a worker, under a time limit. */
  markdown: MarkdownWorkers;
  /** The build's gallery (gallery/build-gallery.ts). */
  gallery: Gallery;
  /** Each document built and in place, by its source: what a flip-book is made from. */
  built: Map<string, FlipText>;
}

export async function buildDocument(source: string, { settings, browser, limit, markdown: workers, gallery, built }: Shared): Promise<BuildRow[]> {
  const name = documentName(source);

  // Its warnings go to the build's reporter, and are kept for its part of the gallery.
  const warnings: string[] = [];
  const reporter: Reporter = {
    warn: (warning) => {
      settings.reporter.warn(warning);
      warnings.push(warning);
    },
    ...(settings.reporter.laidOut === undefined ? {} : { laidOut: settings.reporter.laidOut.bind(settings.reporter) }),
  };

  // 1. Markdown to an HTML fragment; errors stop here. On a terminal, the progress line says so, then how long it took.
  const reading = performance.now();
  if (settings.progress) terminal.progress(`${name}: markdown…`);
  const markdown = await workers.run({ path: source });
  mark('markdown done');
  if (settings.progress) terminal.progress(`${name}: markdown → HTML (${((performance.now() - reading) / 1000).toFixed(1)} s)`);
  for (const message of markdown.file.messages) reporter.warn(formatMessage(markdown.file, message));
  const { frontMatter } = markdown;
  const style = await documentStyle({ source, text: String(markdown.file.value), frontMatter: frontMatter.style, cli: settings.style });
  const document = resolveDocument({ frontMatter, paper: settings.paper, formats: settings.formats, style });
  const wanted = document.formats;
  if (wanted.size === 0) {
    // Its folder in output/ is left as it is: this build asked for nothing it makes.
    const list = (formats: readonly string[] | undefined) => (formats ?? []).join(', ');
    settings.reporter.warn(`${source}: nothing to make: --formats asks for ${list(settings.formats)}, and its front matter's formats are ${list(frontMatter.formats)}`);
    return [];
  }

  const bleed = settings.bleed ?? frontMatter.bleed ?? 0;
  if (settings.marks === 'crop' && bleed === 0) reporter.warn(`${source}: --marks crop draws the marks in the bleed, and this document has none: give it one (bleed: 3mm, or --bleed 3mm)`);

  // A document too long to lay out in minutes is refused before any layout starts.
  refuseTooLong(source, markdown.file, wanted);

  // 2. A staging folder with the fonts and images every layout uses; the
  // folder it replaces must be the build's own, and hold none of its input.
  const privacy = privacyLines({ assets: markdown.assets, keepMetadata: settings.keepMetadata });
  if (settings.keepMetadata && markdown.assets.some((asset) => asset.removed.length > 0)) {
    reporter.warn(`${source}: --keep-metadata: the images are published as they are, with what they tell of who took them, where and with what: ${privacy.join('; ')}`);
  }
  const target = outFolder(settings.out, source);
  await refuseInputsInside(target, source, markdown.assets.map((asset) => asset.path));
  const stage = await openStage(target);
  const thumbnails = gallery.forDocument();
  let made: FormatOutput[];
  try {
    const fonts = await documentFonts({ lang: frontMatter.lang, labels: document.labels, text: `${frontMatter.title}\n${markdown.html}`, capitals: capitalsOfHtml(frontMatter.title, markdown.html) });
    const fontFaces = await stageFonts({ dir: stage.dir, plan: fonts });
    const cropMarks = settings.marks === 'crop';
    const context: DocumentContext = { name, source, markdown, document, reporter, stage, fonts, fontFaces, browser, limit, keepMetadata: settings.keepMetadata, bleed, cropMarks, ...thumbnails?.widths };
    await stageAssets({ dir: stage.dir, assets: [...markdown.assets, ...(style?.assets ?? [])], keepMetadata: settings.keepMetadata });

    // 3. Each format lays the document out in the shared browser, side by side;
    // the gallery starts drawing each PDF as soon as it is made.
    made = await makeFormats(context, wanted, settings.progress, thumbnails?.onMade);
    // The fonts stay only beside the reading edition's HTML, the one HTML that is kept.
    if (!existsSync(join(stage.dir, `${name}.html`))) await rm(join(stage.dir, 'fonts'), { recursive: true });

    // 4. Everything at once into output/<name>/, and away what this build no longer makes.
    await gallery.beforeCommit();
    await stage.commit({ removeOthers: true });
    mark('committed');
    // The key's line in the front matter (a top-level key starts its line).
    const line = String(markdown.file.value).split('\n').findIndex((text) => /^flip-with\s*:/.test(text));
    built.set(source, { name, source, dir: target, document, flipWithAt: line < 0 ? source : `${source}:${line + 1}:1` });
  } catch (error) {
    await stage.discard();
    throw error;
  }

  // 5. Its thumbnails for the gallery, once drawn, into its folder.
  if (thumbnails) {
    const formats = made.map(({ format, file, pages, sheets, signature }) => ({ format, file, pages, sheets, ...(signature === undefined ? {} : { signature }) }));
    const card = markdown.tree.children.some((node) => node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes('card-front'));
    await thumbnails.write({ name, source, dir: target, document, formats, card, privacy, warnings });
    mark('thumbnails in place');
  }
  return made.map((output) => ({ document: name, ...output, file: join(settings.out, name, output.file), privacy }));
}

/** A document to lay out may hold LAYOUT_CHARACTERS characters of markdown (the web edition is not laid out). */
function refuseTooLong(source: string, file: { value: unknown }, wanted: ReadonlyMap<Format, unknown>): void {
  const length = String(file.value).length;
  if (length <= LAYOUT_CHARACTERS || [...wanted.keys()].every((format) => format === 'web')) return;
  const count = (n: number) => n.toLocaleString('en-US');
  throw new ContentError(
    `${source}: the document is ${count(length)} characters long; at most ${count(LAYOUT_CHARACTERS)} (about 1,000 pages) are laid out: split it into parts, or build --formats web`,
  );
}
