/**
 * One preview of a source: the markdown read again, laid out as the reading
 * edition by the same code as the build (styles, fonts, Paged.js, the checks
 * before printing) in the preview's warm browser, into a scratch folder. It
 * yields the laid-out pages as a static HTML file, and after them, the
 * reading PDF imposed as a booklet.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { resolveDocument } from '../config/document.ts';
import { documentStyle } from '../paginate/user-style.ts';
import { terminalReporter, type Reporter } from '../util/reporter.ts';
import type { PaperSize } from '../config/frontmatter.ts';
import { checkBackMatter, checkWhole } from '../formats/checks.ts';
import type { DocumentContext } from '../formats/context.ts';
import { layoutHtml, print } from '../formats/lay-out.ts';
import { backMatterPages } from '../formats/reading.ts';
import { imposePdf } from '../impose/impose.ts';
import { markdownToHtml } from '../markdown/index.ts';
import { stageAssets } from '../paginate/assets.ts';
import { stageFonts } from '../paginate/fonts.ts';
import { createLimiter } from '../util/concurrency.ts';
import type { Stage } from '../util/stage.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { withImageVersions } from './image-versions.ts';
import { layOutWarm, type WarmTab } from './warm-tab.ts';

export interface PreviewOptions {
  source: string;
  /** The scratch folder the layout and its files are written into (served as is). */
  dir: string;
  browser: Browser;
  /** Default: the front matter's, else letter. */
  paper?: PaperSize | undefined;
  /** Where the layout's warnings go. Default: the terminal. */
  reporter?: Reporter;
  /** `--style`, over the front matter's `style`. Default: the front matter's. */
  style?: string | undefined;
  /**
   * The tab of the last layout, kept open: a version with the same styles is
   * laid out again in it. Updated here to this layout's tab. Default: none kept.
   */
  warm?: { tab?: WarmTab | undefined };
  /** Called with the files the preview is made from (the source, its images) as soon as they are known, before layout. */
  onInputs?: (files: string[]) => void;
  /** Called as soon as the laid-out pages are written, before the PDF is printed. */
  onPages?: (pageCount: number) => void;
}

export interface Preview {
  /** Laid-out pages, a static HTML file in `dir`. */
  pagesFile: string;
  pageCount: number;
  /** The reading PDF imposed as a booklet, made after the pages. */
  booklet: Promise<Uint8Array>;
}

/** A folder that is written into and never committed: the preview's own. */
function scratchStage(dir: string): Stage {
  return {
    dir,
    async write(name, data) {
      // Atomic: the server may be sending the file while the next layout writes it.
      const path = join(dir, name);
      await writeFileAtomic(path, data);
      return path;
    },
    commit: () => Promise.resolve(),
    discard: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * The pages as the browser laid them out, with no script, the scratch folder's
 * file: URLs (Paged.js makes every URL in the styles absolute) turned into the
 * server's. The document's own policy (file: URLs only) goes; the server
 * serves nothing but the scratch folder.
 */
function staticPages(html: string, dir: string): string {
  return html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replaceAll(`${pathToFileURL(dir).href}/`, '/doc/');
}

/** Lays the source out; throws a content error (with file:line:col) when it cannot. */
export async function layOutPreview(options: PreviewOptions): Promise<Preview> {
  const { source, dir, browser } = options;
  const markdown = await markdownToHtml({ path: source });
  const { frontMatter } = markdown;
  const style = await documentStyle({ source, text: String(markdown.file.value), frontMatter: frontMatter.style, cli: options.style });
  const stylePath = options.style ?? (frontMatter.style === undefined ? undefined : join(dirname(source), frontMatter.style));
  options.onInputs?.([source, ...markdown.assets.map((asset) => asset.path), ...(stylePath === undefined ? [] : [stylePath]), ...(style?.assets ?? []).map((asset) => asset.path)]);
  const stage = scratchStage(dir);
  await mkdir(dir, { recursive: true });
  const context: DocumentContext = {
    name: 'preview',
    source,
    markdown,
    document: resolveDocument({ frontMatter, paper: options.paper, style }),
    reporter: options.reporter ?? terminalReporter,
    stage,
    fontFaces: await stageFonts({ dir, lang: frontMatter.lang, text: `${frontMatter.title}\n${markdown.html}` }),
    browser: Promise.resolve(browser),
    limit: createLimiter(1),
  };
  await stageAssets({ dir, assets: [...markdown.assets, ...(style?.assets ?? [])] });
  const warm = options.warm ?? {};
  const body = withImageVersions(markdown.html, markdown.assets);
  const html = await layoutHtml(context, { trim: 'reading', htmlName: 'layout.html', body });
  const laidOut = await layOutWarm({ browser, tab: warm.tab, html, write: () => stage.write('layout.html', html), dir, name: source });
  const { layout } = laidOut;
  warm.tab = laidOut.tab;
  try {
    checkWhole(context, layout);
    checkBackMatter(source, layout.report);
    await stage.write('pages.html', staticPages(await layout.page.content(), dir));
    options.onPages?.(layout.report.pageCount);
    const pdf = print(context, layout);
    const booklet = pdf.then((reading) =>
      imposePdf({
        pdf: reading,
        name: 'the preview',
        layout: 'booklet',
        paper: context.document.paper,
        keepLast: backMatterPages(layout.report),
        binding: context.document.binding,
      }),
    );
    await pdf; // the next layout in this tab waits until it is printed
    return { pagesFile: join(dir, 'pages.html'), pageCount: layout.report.pageCount, booklet };
  } finally {
    if (!options.warm) await layout.page.close();
  }
}
