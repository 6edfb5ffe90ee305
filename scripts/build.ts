/**
 * The build, as a recipe. For every markdown source: read it, stage its fonts
 * and images, lay it out in the one browser of the build for each format it
 * wants (reading edition, booklet, mini zine, card slips), and move the
 * finished files into output/<name>/ together.
 */
import { terminal } from './cli/terminal.ts';
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { resolveBuildOptions, type BuildOptions, type BuildSettings } from './config/build-options.ts';
import type { Format } from './config/frontmatter.ts';
import { LAYOUT_CHARACTERS } from './config/limits.ts';
import type { DocumentContext, FormatOutput } from './formats/context.ts';
import { makeFormats } from './formats/make.ts';
import { resolveDocument } from './config/document.ts';
import { documentStyle } from './paginate/user-style.ts';
import { createThumbnailDrawer, type ThumbnailDrawer } from './gallery/drawer.ts';
import { CARD_WIDTH, PAGE_WIDTH } from './gallery/document.ts';
import { documentThumbnails, galleryAllowed, writeGalleryIndex } from './gallery/gallery.ts';
import { markGalleryStale } from './gallery/stale.ts';
import { privacyLines } from './images/privacy.ts';
import { createMarkdownWorkers, type MarkdownWorkers } from './markdown/worker.ts';
import { formatMessage } from './markdown/messages.ts';
import { stageAssets } from './paginate/assets.ts';
import { capitalsOfHtml } from './fonts/capitals.ts';
import { stageFonts } from './paginate/fonts.ts';
import { closeBrowser, launchBrowser } from './browser/browser.ts';
import { createLimiter, type Limiter } from './util/concurrency.ts';
import { keepSpareTabs } from './util/own-page.ts';
import { ContentError, DocumentsFailed, FileError, UsageError } from './util/errors.ts';
import { flipBooks } from './formats/flip-books.ts';
import type { FlipText } from './formats/flip-book.ts';
import { documentName, outFolder, refuseInputsInside, refuseSharedFolders } from './util/out-folders.ts';
import { openStage } from './util/stage.ts';
import type { Reporter } from './util/reporter.ts';

/** One line of the closing table. */
export interface BuildRow {
  document: string;
  format: Format;
  pages: number;
  sheets: number | undefined;
  file: string;
  seconds: number;
  /** Short pages and why, type size: see FormatOutput. */
  note?: string;
  /** The booklet's sheets per signature: see FormatOutput. */
  signature?: number;
  /** What was removed from each of the document's images (images/privacy.ts), alike on each of its rows. */
  privacy: string[];
}

export async function build(options: BuildOptions = {}): Promise<BuildRow[]> {
  const settings = resolveBuildOptions(options);
  if (settings.flipBook && settings.files.length !== 2) {
    throw new UsageError(`--flip-book takes two sources, the first read from the front cover, the second from the back: zine build a.md b.md --flip-book (given ${settings.files.length})`);
  }
  const sources = settings.files.length > 0 ? settings.files : await listSources(settings.sourceDir);
  refuseSharedFolders(sources, settings.out);
  const gallery = await galleryAllowed(settings.out, settings.reporter);
  // The first markdown worker loads while the browser starts (markdown/worker.ts).
  const markdown = createMarkdownWorkers({ jobs: sources.length });
  // The browser starts now and comes up while the markdown is being read.
  const browser = launchBrowser();
  browser.catch(() => undefined); // a failed start is reported where the browser is awaited
  // A build that lays nothing out (web only) opens no tab ahead; any other opens, while the markdown
  // is read, a tab for each layout that may run at once and one for the gallery's drawing.
  const laysOut = settings.formats === undefined || settings.formats.some((format) => format !== 'web');
  const spares = laysOut ? settings.concurrency + (gallery ? 1 : 0) : 0;
  void browser.then((started) => keepSpareTabs(started, spares), () => undefined);
  // At most one layout per core; a few documents more than that in flight, so
  // a long list of sources never holds every document in memory at once.
  const limit = createLimiter(settings.concurrency);
  const inFlight = createLimiter(settings.concurrency + 1);
  // The gallery's thumbnails are drawn in tabs kept for the whole build (up to one
  // per core), each run of pages taking its turn at the same per-core gate as the layouts.
  const drawer = gallery ? createThumbnailDrawer({ browser, tabs: settings.concurrency, limit }) : undefined;
  // Its first tab opens while the first layouts run, not after them (pdf.js loads there at the first PDF to draw).
  if (laysOut) drawer?.warm();
  try {
    // A document that fails does not stop the others; each finishes (or fails
    // and cleans up) before the browser closes.
    // Before the first document moves in, the gallery's page is marked out of date (gallery/stale.ts).
    let marking: Promise<void> | undefined;
    const beforeCommit = () => (marking ??= gallery ? markGalleryStale(settings.out) : Promise.resolve());
    const built = new Map<string, FlipText>();
    const shared = { settings, browser, limit, drawer, markdown, beforeCommit, built };
    const settled = await Promise.allSettled(sources.map((source) => inFlight(() => buildSource(source, shared))));
    const rows = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    const failures = settled.flatMap((result, i) =>
      result.status === 'rejected' ? [{ source: sources[i] as string, error: result.reason as unknown }] : [],
    );
    // One reason for everything (one document, or a browser that would not start) is reported as itself.
    const [first] = failures;
    const oneReason = failures.length === sources.length && failures.every((failure) => failure.error === first?.error);
    if (first && (sources.length === 1 || oneReason)) throw first.error;
    // 5½. Flip-books, once both their texts are in place (a text named only by flip-with is built now).
    await flipBooks({ settings, built, drawer, sources, rows, failures, build: (source) => buildSource(source, shared) });
    // 6. The gallery, output/index.html, once every document is in place.
    if (gallery && rows.length > 0) {
      const path = await writeGalleryIndex(settings.out);
      if (settings.progress) terminal.progress(`gallery → ${path}`);
    }
    if (failures.length > 0) throw new DocumentsFailed(rows, failures, sources.length + failures.filter((failure) => !sources.includes(failure.source)).length);
    return rows;
  } finally {
    markdown.close();
    // The browser goes first: a drawing still waiting on a browser that stopped answering then ends at once.
    await closeBrowser(browser);
    await drawer?.close();
  }
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

async function listSources(sourceDir: string): Promise<string[]> {
  const names = await readdir(sourceDir).catch((error: unknown) => {
    throw new FileError(sourceDir, 'read the folder', error);
  });
  return names.filter((name) => extname(name) === '.md').sort().map((name) => join(sourceDir, name));
}

/** What every document of a build shares. */
interface Shared {
  settings: BuildSettings;
  browser: Promise<Browser>;
  limit: Limiter;
  /** Draws the gallery's thumbnails; none when no gallery is written (see galleryAllowed). */
  drawer: ThumbnailDrawer | undefined;
  /** Runs each source's markdown stage in a worker, under a time limit. */
  markdown: MarkdownWorkers;
  /** Runs once, before the first document is moved into place. */
  beforeCommit: () => Promise<void>;
  /** Each document built and in place, by its source: what a flip-book is made from. */
  built: Map<string, FlipText>;
}

async function buildSource(source: string, { settings, browser, limit, drawer, markdown: workers, beforeCommit, built }: Shared): Promise<BuildRow[]> {
  const name = documentName(source);

  // Its warnings go to the build's reporter, and are kept for its part of the gallery.
  const warnings: string[] = [];
  const reporter: Reporter = {
    warn: (warning) => {
      settings.reporter.warn(warning);
      warnings.push(warning);
    },
  };

  // 1. Markdown to an HTML fragment; errors stop here. On a terminal, the progress line says so, then how long it took.
  const reading = performance.now();
  if (settings.progress) terminal.progress(`${name}: markdown…`);
  const markdown = await workers.run({ path: source });
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
  const thumbnails = drawer && documentThumbnails(drawer);
  let made: FormatOutput[];
  try {
    const context: DocumentContext = {
      name,
      source,
      markdown,
      document,
      reporter,
      stage,
      fontFaces: await stageFonts({ dir: stage.dir, lang: frontMatter.lang, labels: document.labels, text: `${frontMatter.title}\n${markdown.html}`, capitals: capitalsOfHtml(frontMatter.title, markdown.html) }),
      browser,
      limit,
      keepMetadata: settings.keepMetadata,
      bleed,
      cropMarks: settings.marks === 'crop',
      ...(drawer ? { pictureWidth: PAGE_WIDTH, cardPictureWidth: CARD_WIDTH } : {}),
    };
    await stageAssets({ dir: stage.dir, assets: [...markdown.assets, ...(style?.assets ?? [])], keepMetadata: settings.keepMetadata });

    // 3. Each format lays the document out in the shared browser, side by side;
    // the gallery starts drawing each PDF as soon as it is made.
    made = await makeFormats(context, wanted, settings.progress, thumbnails?.onMade);
    // The fonts stay only beside the reading edition's HTML, the one HTML that is kept.
    if (!existsSync(join(stage.dir, `${name}.html`))) await rm(join(stage.dir, 'fonts'), { recursive: true });

    // 4. Everything at once into output/<name>/, and away what this build no longer makes.
    await beforeCommit();
    await stage.commit({ removeOthers: true });
    // The key's line in the front matter (a top-level key starts its line).
    const line = String(markdown.file.value).split('\n').findIndex((text) => /^flip-with\s*:/.test(text));
    built.set(source, { name, source, dir: target, document, flipWithAt: line < 0 ? source : `${source}:${line + 1}:1` });
  } catch (error) {
    await stage.discard();
    throw error;
  }

  // 5. Its thumbnails for the gallery, once drawn (the wait is what is timed), into its folder.
  if (thumbnails && made.length > 0) {
    const started = performance.now();
    const formats = made.map(({ format, file, pages, sheets, signature }) => ({ format, file, pages, sheets, ...(signature === undefined ? {} : { signature }) }));
    const card = markdown.tree.children.some((node) => node.type === 'element' && Array.isArray(node.properties['className']) && node.properties['className'].includes('card-front'));
    await thumbnails.write({ name, source, dir: target, document, formats, card, privacy, warnings });
    if (settings.progress) terminal.progress(`${name}: thumbnails (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return made.map((output) => ({ document: name, ...output, file: join(settings.out, name, output.file), privacy }));
}
