import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { inject } from 'vitest';
import { summarizePages, type PageSummary } from '../../scripts/bench/page-summary.ts';
import { build } from '../../scripts/build.ts';
import type { LaidOut } from '../../scripts/util/reporter.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The folder of the reading editions shared by the test files of one run (shared-builds-setup.ts). */
    sharedBuilds: string;
  }
}

export interface SharedReading {
  /** The markdown file it was asked for by. */
  file: string;
  /** The document's output folder: reading.pdf, its HTML, fonts and images. */
  dir: string;
  /** Its reading edition. */
  pdf: string;
  /** The HTML the build laid the reading edition out from. */
  html: string;
  /** The build's own layout of it: its pages as a reader compares them (bench/page-summary.ts), and how many layouts it took (more than one when one was repaired). */
  layout(): Promise<BuiltLayout>;
}

export interface BuiltLayout {
  layouts: number;
  pages: PageSummary[];
}

/** The file beside a shared reading that keeps the build's layout of it. */
const LAYOUT = 'layout.json';

export interface SharedReadingsOptions {
  /** Markdown files, each with its files beside it (images); no two with the same name (the build's output folders). */
  sources: readonly string[];
  /** How long to wait for a document another test file is building. Default: 600 s. */
  waitMs?: number;
}

/**
 * What a reading edition is made from: the markdown and every file in its folder (a fixture's images), by content.
 * The name is left out: the build makes the same bytes whatever the document is called.
 */
async function keyOf(file: string): Promise<string> {
  const hash = createHash('sha256').update(await readFile(file));
  const folder = dirname(file);
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((one) => one.isFile()).sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const path = join(entry.parentPath, entry.name);
    if (path === file || path.endsWith('.md')) continue;
    hash.update(`\0${path.slice(folder.length)}\0`).update(await readFile(path));
  }
  return hash.digest('hex').slice(0, 24);
}

async function reading(file: string, dir: string): Promise<SharedReading> {
  const html = (await readdir(dir)).find((entry) => entry.endsWith('.html'));
  if (html === undefined) throw new Error(`${dir}: no HTML beside the reading edition of ${file}`);
  const layout = async () => JSON.parse(await readFile(join(dir, LAYOUT), 'utf8')) as BuiltLayout;
  return { file, dir, pdf: join(dir, 'reading.pdf'), html: join(dir, html), layout };
}

/**
 * The reading editions of `sources` (`build` with `formats: ['reading']`, the
 * front matter's paper), with the pages of the build's layout of each, each built once in a test run and shared by every
 * test file that asks for it: the build's output is the same bytes whatever
 * the file or the document's name. The sources no other file has built or is
 * building are built here in one build; those another file is building are
 * waited for.
 */
export async function sharedReadings(options: SharedReadingsOptions): Promise<SharedReading[]> {
  const { waitMs = 600_000 } = options;
  const root = inject('sharedBuilds');
  const keyed = await Promise.all(options.sources.map(async (file) => ({ file, key: await keyOf(file) })));
  const mine: typeof keyed = [];
  for (const source of keyed) {
    if (existsSync(join(root, source.key)) || mine.some((one) => one.key === source.key)) continue;
    // The first to make the lock builds it; the others wait for its folder.
    try {
      await mkdir(join(root, `${source.key}.lock`));
    } catch {
      continue; // another file is building it
    }
    // Built and unlocked between the look above and the lock.
    if (existsSync(join(root, source.key))) await rm(join(root, `${source.key}.lock`), { recursive: true, force: true });
    else mine.push(source);
  }
  if (mine.length > 0) {
    const out = join(root, `.out-${process.pid}-${Date.now()}`);
    try {
      // The pages of the reading layout, read in its tab as the build lays it out (the last, when one is laid out again).
      const layouts = new Map<string, BuiltLayout>();
      const laidOut = async ({ source, trim, edition, page }: LaidOut) => {
        if (trim !== 'reading' || edition !== 'standard') return;
        layouts.set(source, { layouts: (layouts.get(source)?.layouts ?? 0) + 1, pages: await summarizePages(page) });
      };
      await build({ files: mine.map((source) => source.file), out, progress: false, gallery: false, formats: ['reading'], reporter: { warn: () => undefined, laidOut } });
      for (const source of mine) {
        const folder = join(out, basename(source.file, '.md'));
        await writeFile(join(folder, LAYOUT), JSON.stringify(layouts.get(source.file)));
        await rename(folder, join(root, source.key));
      }
    } finally {
      await rm(out, { recursive: true, force: true });
      for (const source of mine) await rm(join(root, `${source.key}.lock`), { recursive: true, force: true });
    }
  }
  const started = Date.now();
  for (const source of keyed) {
    while (!existsSync(join(root, source.key))) {
      if (!existsSync(join(root, `${source.key}.lock`))) throw new Error(`${source.file}: the test file that was building it failed`);
      if (Date.now() - started > waitMs) throw new Error(`${source.file}: not built by another test file within ${waitMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return Promise.all(keyed.map((source) => reading(source.file, join(root, source.key))));
}
