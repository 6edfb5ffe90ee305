/**
 * The build, as a recipe: for every markdown source, make the HTML, lay it out
 * in the one browser of the build, print it, and move the files into place.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { resolveBuildOptions, type BuildOptions, type BuildSettings } from './config/build-options.ts';
import { markdownToHtml } from './markdown/index.ts';
import { formatMessage } from './markdown/messages.ts';
import { stageAssets } from './paginate/assets.ts';
import { buildDocument } from './paginate/document.ts';
import { stageFonts } from './paginate/fonts.ts';
import { paginate, type LayoutReport } from './paginate/paginate.ts';
import { closeBrowser, launchBrowser } from './render/browser.ts';
import { printPdf } from './render/print-pdf.ts';
import { mapLimit } from './util/concurrency.ts';
import { ContentError, FileError } from './util/errors.ts';
import { sourceDate } from './util/source-date.ts';
import { openStage } from './util/stage.ts';

/** One line of the closing table. */
export interface BuildRow {
  document: string;
  format: string;
  pages: number;
  file: string;
  seconds: number;
}

export async function build(options: BuildOptions = {}): Promise<BuildRow[]> {
  const settings = resolveBuildOptions(options);
  const sources = settings.files.length > 0 ? settings.files : await listSources(settings.sourceDir);
  // The browser starts now and comes up while the markdown is being read.
  const browser = launchBrowser();
  browser.catch(() => undefined); // a failed start is reported where the browser is awaited
  try {
    const rows = await mapLimit(sources, settings.concurrency, (source) => buildSource(browser, source, settings));
    return rows.flat();
  } finally {
    await closeBrowser(browser);
  }
}

async function listSources(sourceDir: string): Promise<string[]> {
  const names = await readdir(sourceDir).catch((error: unknown) => {
    throw new FileError(sourceDir, 'read the folder', error);
  });
  return names.filter((name) => extname(name) === '.md').sort().map((name) => join(sourceDir, name));
}

async function buildSource(
  browserReady: Promise<Browser>,
  source: string,
  settings: BuildSettings,
): Promise<BuildRow[]> {
  const started = performance.now();
  const name = basename(source, '.md');

  // 1. Markdown to an HTML fragment; warnings are printed, errors stop here.
  const markdown = await markdownToHtml({ path: source });
  for (const message of markdown.file.messages) console.warn(formatMessage(markdown.file, message));
  const { frontMatter } = markdown;
  const paper = settings.paper ?? frontMatter.paper ?? 'letter';

  const stage = await openStage(join(settings.out, name));
  try {
    // 2. The whole HTML document, with its fonts and images beside it.
    const fontFaces = await stageFonts(stage.dir);
    await stageAssets(stage.dir, dirname(source), markdown.assets);
    const html = await buildDocument({
      body: markdown.html,
      title: frontMatter.title,
      lang: frontMatter.lang,
      paper,
      footnotes: frontMatter.footnotes,
      fontFaces,
    });
    const htmlPath = await stage.write(`${name}.html`, html);

    // 3. Pages: Paged.js lays the document out in the build's browser.
    const browser = await browserReady;
    const { page, report } = await paginate({ browser, htmlPath, allowedDir: stage.dir });
    checkLayout(source, report);

    // 4. The reading edition: printed, then bookmarks and metadata added.
    const reading = await printPdf({
      page,
      metadata: {
        title: frontMatter.title,
        ...(frontMatter.author === undefined ? {} : { author: frontMatter.author }),
        ...(frontMatter.subtitle === undefined ? {} : { subject: frontMatter.subtitle }),
        lang: frontMatter.lang,
        date: sourceDate(frontMatter.date),
      },
      bookmarks: report.headings.map(({ text, level, page: at }) => ({ title: text, level, page: at })),
      idSeed: `${html}\n${paper}`,
    });
    await page.close();
    await stage.write('reading.pdf', reading);

    // 5. Everything at once into output/<name>/.
    await stage.commit();
    const seconds = (performance.now() - started) / 1000;
    const file = join(settings.out, name, 'reading.pdf');
    if (settings.progress) console.log(`built ${file} (${report.pageCount} pages, ${seconds.toFixed(1)} s)`);
    return [{ document: name, format: 'reading', pages: report.pageCount, file, seconds }];
  } catch (error) {
    await stage.discard();
    throw error;
  }
}

/** Layout problems that only show once the pages exist. */
function checkLayout(source: string, report: LayoutReport): void {
  if (report.cardPages > 1) {
    throw new ContentError(
      `${source}: the tear-out card takes ${report.cardPages} pages; it must fit on one: shorten the :::tear-off text`,
    );
  }
  if (report.pageCount % 4 !== 0) {
    throw new ContentError(`${source}: the layout has ${report.pageCount} pages, not a multiple of 4`);
  }
}
