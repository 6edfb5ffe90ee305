/**
 * The build, as a recipe. For every markdown source: read it, stage its fonts
 * and images, lay it out in the one browser of the build for each format it
 * wants (reading edition, booklet, mini zine, card slips), and move the
 * finished files into output/<name>/ together (build/document.ts); then the
 * flip-books, then the gallery's page.
 */
import { buildDocument } from './build/document.ts';
import type { BuildRow } from './build/row.ts';
import { buildSources } from './build/sources.ts';
import { closeBrowser, launchBrowser } from './browser/browser.ts';
import { mark } from './util/timeline.ts';
import { resolveBuildOptions, type BuildOptions } from './config/build-options.ts';
import type { FlipText } from './formats/flip-book.ts';
import { flipBooks } from './formats/flip-books.ts';
import { createGallery } from './gallery/build-gallery.ts';
import { createMarkdownWorkers } from './markdown/worker.ts';
import { createLimiter } from './util/concurrency.ts';
import { DocumentsFailed } from './util/errors.ts';
import { keepSpareTabs } from './util/own-page.ts';

export type { BuildRow } from './build/row.ts';

export async function build(options: BuildOptions = {}): Promise<BuildRow[]> {
  const settings = resolveBuildOptions(options);
  const sources = await buildSources(settings);
  // The first markdown worker loads while the browser starts (markdown/worker.ts).
  const markdown = createMarkdownWorkers({ jobs: sources.length });
  // The browser starts now and comes up while the markdown is being read.
  const browser = launchBrowser();
  mark('browser launching');
  void browser.then(() => mark('browser ready'), () => undefined);
  browser.catch(() => undefined); // a failed start is reported where the browser is awaited
  // At most one layout per core; a few documents more than that in flight, so
  // a long list of sources never holds every document in memory at once.
  const limit = createLimiter(settings.concurrency);
  const inFlight = createLimiter(settings.concurrency + 1);
  // The gallery draws the thumbnails in tabs of its own, one per core at most, at the layouts' gate.
  const gallery = await createGallery({ out: settings.out, reporter: settings.reporter, browser, tabs: settings.concurrency, limit, progress: settings.progress, wanted: settings.gallery });
  // A build that lays nothing out (web only) opens no tab ahead; any other opens, while the markdown
  // is read, a tab for each layout that may run at once and one for the gallery's drawing.
  const laysOut = settings.formats === undefined || settings.formats.some((format) => format !== 'web');
  const spares = laysOut ? settings.concurrency + gallery.spareTabs : 0;
  void browser.then((started) => keepSpareTabs(started, spares), () => undefined);
  // Its first tab opens while the first layouts run, not after them (pdf.js loads there at the first PDF to draw).
  if (laysOut) gallery.warm();
  try {
    // 1–5. Each document (build/document.ts); one that fails does not stop the others, and
    // each finishes (or fails and cleans up) before the browser closes.
    const built = new Map<string, FlipText>();
    const shared = { settings, browser, limit, markdown, gallery, built };
    const settled = await Promise.allSettled(sources.map((source) => inFlight(() => buildDocument(source, shared))));
    const rows = settled.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    const failures = settled.flatMap((result, i) =>
      result.status === 'rejected' ? [{ source: sources[i] as string, error: result.reason as unknown }] : [],
    );
    // One reason for everything (one document, or a browser that would not start) is reported as itself.
    const [first] = failures;
    const oneReason = failures.length === sources.length && failures.every((failure) => failure.error === first?.error);
    if (first && (sources.length === 1 || oneReason)) throw first.error;
    // 5½. Flip-books, once both their texts are in place (a text named only by flip-with is built now).
    await flipBooks({ settings, built, gallery, sources, rows, failures, build: (source) => buildDocument(source, shared) });
    // 6. The gallery, output/index.html, once every document is in place.
    await gallery.finish(rows);
    mark('gallery index written');
    if (failures.length > 0) throw new DocumentsFailed(rows, failures, sources.length + failures.filter((failure) => !sources.includes(failure.source)).length);
    return rows;
  } finally {
    markdown.close();
    // The browser goes first: a drawing still waiting on a browser that stopped answering then ends at once.
    mark('closing browser');
    await closeBrowser(browser);
    mark('browser closed');
    await gallery.close();
  }
}
