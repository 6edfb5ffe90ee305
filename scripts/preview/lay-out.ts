/**
 * One preview of a source: the markdown read again, laid out as the reading
 * edition by the same code as the build (styles, fonts, Paged.js, the checks
 * before printing) in the preview's warm browser, into a scratch folder. It
 * yields the laid-out pages as a static HTML file with the warnings so far,
 * then those of the photocopy preflight, then the reading PDF, from which the other
 * formats are made (formats.ts). A document whose formats need no reading
 * layout (`formats: [mini]`) gets none.
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { resolveDocument } from '../config/document.ts';
import type { PaperSize } from '../config/frontmatter.ts';
import { documentStyle } from '../paginate/user-style.ts';
import { checkBackMatter, checkWhole } from '../formats/checks.ts';
import type { DocumentContext } from '../formats/context.ts';
import { layoutHtml, printInTab } from '../formats/lay-out.ts';
import type { Wanted } from '../config/document.ts';
import { preflightWarnings, sheetEdgeWarnings } from '../formats/preflight.ts';
import { printedAlone } from '../formats/sheet-edges.ts';
import { markdownToHtml } from '../markdown/index.ts';
import type { MarkdownWorkers } from '../markdown/worker.ts';
import { formatMessage } from '../markdown/messages.ts';
import { trimSize } from '../paginate/document.ts';
import type { LayoutReport } from '../paginate/layout-report.ts';
import { preflightOf } from '../paginate/paginate.ts';
import { stageAssets } from '../paginate/assets.ts';
import { capitalsOfHtml } from '../fonts/capitals.ts';
import { documentFonts, stageFonts } from '../paginate/fonts.ts';
import { createLimiter } from '../util/concurrency.ts';
import type { Stage } from '../util/stage.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { withImageVersions, withoutImageVersions } from './image-versions.ts';
import { layOutWarm, type WarmTab } from './warm-tab.ts';

export interface PreviewOptions {
  source: string;
  /** The scratch folder the layout and its files are written into (served as is). */
  dir: string;
  browser: Browser;
  /** Reads the markdown in a worker, under the build's time limit (markdown/worker.ts). Default: in this thread, unbounded. */
  markdown?: MarkdownWorkers | undefined;
  /** Default: the front matter's, else letter. */
  paper?: PaperSize | undefined;
  /** `--style`, over the front matter's `style`. Default: the front matter's. */
  style?: string | undefined;
  /**
   * The tab of the last layout, kept open: a version with the same styles is
   * laid out again in it. Updated here to this layout's tab. Default: none kept.
   */
  warm?: { tab?: WarmTab | undefined };
  /** Called with the files the preview is made from (the source, its images) as soon as they are known, before layout. */
  onInputs?: (files: string[]) => void;
  /**
   * Called as soon as the laid-out pages are written (0 pages when the reading
   * layout is not wanted), before the PDF is printed, with the warnings so far.
   */
  onPages?: (pageCount: number, warnings: readonly string[]) => void;
  /** Called with every warning so far once the photocopy preflight has looked at the pages shown. */
  onWarnings?: (warnings: readonly string[]) => void;
  /**
   * Whether a newer save waits: then, once the pages are shown, the preflight
   * and the print are left out (`reading` is undefined). Default: never.
   */
  superseded?: () => boolean;
}

export interface Preview {
  /** The build's context for this version: the other formats are made with it. */
  context: DocumentContext;
  /** The formats the build makes of it, the web edition left out. */
  wanted: Wanted;
  /**
   * The reading layout, printed by Chromium; `pdf` finishes and reads back its
   * PDF (once, at the first call), which needs the tab no more. None when no
   * format wanted needs it.
   */
  reading: { pdf: () => Promise<Uint8Array>; report: LayoutReport } | undefined;
  /** Every warning so far, `file:line:col: reason`; the formats made after add theirs (context.warn). */
  warnings: string[];
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
 * How the pages look on screen, and only there: each a white sheet with its
 * shadow on a grey ground, a faint line at the edge of its text block (the
 * margins inside it) that does not print.
 */
const ON_SCREEN = `<style>
@media screen {
  html, body { background: #6f6f6f; margin: 0; }
  .pagedjs_pages { display: flex; flex-wrap: wrap; justify-content: center; gap: 24px; padding: 24px; }
  .pagedjs_page { background: #fff; box-shadow: 0 2px 6px #000a; }
  .pagedjs_area { outline: 1px dashed #5b8dd980; }
}
</style>`;

/**
 * The pages as the browser laid them out, with no script, the scratch folder's
 * file: URLs (Paged.js makes every URL in the styles absolute) turned into the
 * server's, and shown on paper (ON_SCREEN). The document's own policy (file:
 * URLs only) goes; the server serves nothing but the scratch folder.
 */
function staticPages(html: string, dir: string): string {
  return html
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')
    .replace(/<script\b[\s\S]*?<\/script>/gi, '')
    .replaceAll(`${pathToFileURL(dir).href}/`, '/doc/')
    .replace(/<\/head>/i, `${ON_SCREEN}</head>`);
}

/** Lays the source out; throws a content error (with file:line:col) when it cannot. */
export async function layOutPreview(options: PreviewOptions): Promise<Preview> {
  const { source, dir, browser } = options;
  const markdown = await (options.markdown ? options.markdown.run({ path: source }) : markdownToHtml({ path: source }));
  const { frontMatter } = markdown;
  const style = await documentStyle({ source, text: String(markdown.file.value), frontMatter: frontMatter.style, cli: options.style });
  const stylePath = options.style ?? (frontMatter.style === undefined ? undefined : join(dirname(source), frontMatter.style));
  options.onInputs?.([source, ...markdown.assets.map((asset) => asset.path), ...(stylePath === undefined ? [] : [stylePath]), ...(style?.assets ?? []).map((asset) => asset.path)]);
  const warnings = markdown.file.messages.map((message) => formatMessage(markdown.file, message));
  const document = resolveDocument({ frontMatter, paper: options.paper, style });
  const wanted: Wanted = new Map(document.formats);
  wanted.delete('web');
  const stage = scratchStage(dir);
  await mkdir(dir, { recursive: true });
  const fonts = await documentFonts({ lang: frontMatter.lang, labels: document.labels, text: `${frontMatter.title}\n${markdown.html}`, capitals: capitalsOfHtml(frontMatter.title, markdown.html) });
  const context: DocumentContext = {
    name: 'preview',
    source,
    markdown,
    document,
    stage,
    fonts,
    fontFaces: await stageFonts({ dir, plan: fonts }),
    browser: Promise.resolve(browser),
    limit: createLimiter(1),
    reporter: { warn: (warning) => warnings.push(warning) },
  };
  await stageAssets({ dir, assets: [...markdown.assets, ...(style?.assets ?? [])] });
  if (wanted.size > 0 && !wanted.has('reading') && !wanted.has('booklet')) {
    options.onPages?.(0, [...warnings]);
    return { context, wanted, reading: undefined, warnings };
  }
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
    options.onPages?.(layout.report.pageCount, [...warnings]);
    if (options.superseded?.() === true) return { context, wanted, reading: undefined, warnings };
    // The photocopy preflight, once the pages are shown: it looks at every element of every page.
    const found = await preflightOf(layout.page);
    // Named as the markdown names them, not as the preview does (image-versions.ts).
    const report = {
      ...layout.report,
      ...found,
      preflight: found.preflight.map((finding) => ({ ...finding, detail: withoutImageVersions(finding.detail) })),
      vectorImages: found.vectorImages.map((image) => ({ ...image, src: withoutImageVersions(image.src) })),
    };
    for (const line of preflightWarnings(source, report.preflight)) warnings.push(line);
    const placements = printedAlone(report.pageCount, trimSize('reading', context.document.paper));
    if (wanted.has('reading')) warnings.push(...sheetEdgeWarnings({ source, file: 'reading.pdf', placements, insets: report.insets }));
    options.onWarnings?.([...warnings]);
    if (options.superseded?.() === true) return { context, wanted, reading: undefined, warnings };
    // The next layout in this tab waits until Chromium has printed it, not for the rest.
    const { finish } = await printInTab(context, layout);
    let finishing: Promise<Uint8Array> | undefined;
    return { context, wanted, reading: { pdf: () => (finishing ??= finish()), report }, warnings };
  } finally {
    if (!options.warm) await layout.page.close();
  }
}
