/**
 * The build, as a recipe. For every markdown source: read it, stage its fonts
 * and images, lay it out in the one browser of the build for each format it
 * wants (reading edition, booklet, mini zine, card slips), and move the
 * finished files into output/<name>/ together.
 */
import { readdir } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { resolveBuildOptions, type BuildOptions, type BuildSettings } from './config/build-options.ts';
import { FORMATS, type Format } from './config/frontmatter.ts';
import { FormatSkipped, type DocumentContext, type FormatOutput } from './formats/context.ts';
import { makeBooklet } from './formats/booklet.ts';
import { makeMini } from './formats/mini.ts';
import { layOutReading } from './formats/reading.ts';
import { makeSlips } from './formats/slips.ts';
import { markdownToHtml } from './markdown/index.ts';
import { formatMessage } from './markdown/messages.ts';
import { stageAssets } from './paginate/assets.ts';
import { stageFonts } from './paginate/fonts.ts';
import { closeBrowser, launchBrowser } from './render/browser.ts';
import { createLimiter, type Limiter } from './util/concurrency.ts';
import { FileError } from './util/errors.ts';
import { openStage } from './util/stage.ts';

/** One line of the closing table. */
export interface BuildRow {
  document: string;
  format: Format;
  pages: number;
  sheets: number | undefined;
  file: string;
  seconds: number;
}

export async function build(options: BuildOptions = {}): Promise<BuildRow[]> {
  const settings = resolveBuildOptions(options);
  const sources = settings.files.length > 0 ? settings.files : await listSources(settings.sourceDir);
  // The browser starts now and comes up while the markdown is being read.
  const browser = launchBrowser();
  browser.catch(() => undefined); // a failed start is reported where the browser is awaited
  const limit = createLimiter(settings.concurrency);
  try {
    const rows = await Promise.all(sources.map((source) => buildSource(source, settings, browser, limit)));
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
  source: string,
  settings: BuildSettings,
  browser: Promise<Browser>,
  limit: Limiter,
): Promise<BuildRow[]> {
  const name = basename(source, '.md');

  // 1. Markdown to an HTML fragment; warnings are printed, errors stop here.
  const markdown = await markdownToHtml({ path: source });
  for (const message of markdown.file.messages) console.warn(formatMessage(markdown.file, message));
  const { frontMatter } = markdown;
  const wanted = wantedFormats(settings.formats, frontMatter.formats);

  // 2. A staging folder with the fonts and images every layout uses.
  const stage = await openStage(join(settings.out, name));
  try {
    const context: DocumentContext = {
      name,
      source,
      markdown,
      paper: settings.paper ?? frontMatter.paper ?? 'letter',
      stage,
      fontFaces: await stageFonts(stage.dir),
      browser,
      limit,
    };
    await stageAssets(stage.dir, dirname(source), markdown.assets);

    // 3. Each format lays the document out in the shared browser, side by side.
    const made = await Promise.all(
      [...wanted.keys()].map((format) => makeFormat(context, format, wanted.get(format) === 'asked', settings)),
    );

    // 4. Everything at once into output/<name>/.
    await stage.commit();
    return made
      .filter((output): output is FormatOutput => output !== undefined)
      .map((output) => ({ document: name, ...output, file: join(settings.out, name, output.file) }));
  } catch (error) {
    await stage.discard();
    throw error;
  }
}

/**
 * Which formats to make, and whether each was asked for by name (then it must
 * be made) or only by default (then it is skipped when it cannot be made).
 * `--formats` and the front matter's `formats` both narrow the list.
 */
function wantedFormats(cli: readonly Format[] | undefined, frontMatter: readonly Format[] | undefined) {
  const wanted = new Map<Format, 'asked' | 'default'>();
  for (const format of FORMATS) {
    const inCli = cli === undefined || cli.includes(format);
    const inFrontMatter = frontMatter === undefined || frontMatter.includes(format);
    if (inCli && inFrontMatter) wanted.set(format, cli ?? frontMatter ? 'asked' : 'default');
  }
  return wanted;
}

const readings = new WeakMap<DocumentContext, ReturnType<typeof layOutReading>>();

/** The reading layout is shared by the reading edition and the booklet: laid out once. */
function reading(context: DocumentContext) {
  const known = readings.get(context);
  if (known) return known;
  const laidOut = layOutReading(context);
  readings.set(context, laidOut);
  return laidOut;
}

async function makeFormat(
  context: DocumentContext,
  format: Format,
  asked: boolean,
  settings: BuildSettings,
): Promise<FormatOutput | undefined> {
  const started = performance.now();
  try {
    const output = await FORMAT_MAKERS[format](context);
    await context.stage.write(output.file, output.bytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const note = output.note === undefined ? '' : `, ${output.note}`;
    if (settings.progress) {
      console.log(`${context.name}: ${format} → ${output.file}, ${output.pages} pages${note} (${seconds} s)`);
    }
    return { format, file: output.file, pages: output.pages, sheets: output.sheets, seconds: Number(seconds) };
  } catch (error) {
    if (!(error instanceof FormatSkipped) || asked) throw error;
    if (settings.progress) console.log(`${context.name}: ${format} skipped: ${error.message}`);
    return undefined;
  }
}

type Made = { file: string; bytes: Uint8Array; pages: number; sheets: number | undefined; note?: string };

const FORMAT_MAKERS: Record<Format, (context: DocumentContext) => Promise<Made>> = {
  async reading(context) {
    const { pdf, report } = await reading(context);
    return { file: 'reading.pdf', bytes: pdf, pages: report.pageCount, sheets: undefined };
  },
  async booklet(context) {
    const { pdf, report } = await reading(context);
    const bytes = await makeBooklet(context, pdf, report);
    return { file: 'booklet.pdf', bytes, pages: report.pageCount, sheets: Math.ceil(report.pageCount / 4) };
  },
  async mini(context) {
    const { pdf, fontSize } = await makeMini(context);
    return { file: 'mini.pdf', bytes: pdf, pages: 8, sheets: 1, note: `type at ${fontSize} pt` };
  },
  async slips(context) {
    const bytes = await makeSlips(context);
    return { file: 'slips.pdf', bytes, pages: 2, sheets: 1 };
  },
};
