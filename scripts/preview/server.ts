/**
 * The preview: one source laid out as the reading edition, then every other
 * format the build makes of it, with the warnings of each, laid out again in
 * its warm browser whenever the source, one of its images or a stylesheet is
 * saved (watch.ts, schedule.ts), and told to the viewer (http.ts, events.ts);
 * it keeps running through problems. The formats are made after the reading
 * pages are shown, one layout's at a time, and never hold up the next save's.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { PaperSize } from '../config/frontmatter.ts';
import { createThumbnailDrawer } from '../gallery/drawer.ts';
import { createMarkdownWorkers } from '../markdown/worker.ts';
import { onExit } from '../util/exit.ts';
import { removeStaleStages } from '../util/stale-stages.ts';
import { createPreviewEvents } from './events.ts';
import { previewFormats, removePicturesBefore, Superseded } from './formats.ts';
import { servePreview } from './http.ts';
import { createLayoutQueue } from './schedule.ts';
import { layOutPreview, type Preview } from './lay-out.ts';
import type { WarmTab } from './warm-tab.ts';
import { watchInputs, type Watcher } from './watch.ts';

export interface PreviewServerOptions {
  source: string;
  browser: Browser;
  /** Port on 127.0.0.1; 0 picks a free one. Default: 8040. */
  port?: number;
  paper?: PaperSize | undefined;
  /** `--style`: a stylesheet of the user's own, over the front matter's. Default: the front matter's. */
  style?: string | undefined;
  /** The compiled bundle the markdown workers run (dist/markdown-worker.cjs, markdown/worker.ts). Default: the one beside this code, when it is the compiled command. */
  bundle?: string | undefined;
  /** Print a line per layout. Default: false. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const PREVIEW_PREFIX = 'zinepress-preview-';

export async function startPreview(options: PreviewServerOptions): Promise<PreviewServer> {
  const { source, browser, log = () => undefined } = options;
  // Named after the process, so that one left by a `kill -9` is removed by the next preview.
  await removeStaleStages(tmpdir(), PREVIEW_PREFIX);
  const dir = await mkdtemp(join(tmpdir(), `${PREVIEW_PREFIX}${process.pid}-`));
  const forget = onExit(dir);
  const events = createPreviewEvents();
  const { send } = events;
  let version = 0;
  /** The tab of the last layout, laid out again at the next save. */
  const warm: { tab?: WarmTab } = {};
  /** One layout at a time; saves during a layout make one more after it. */
  const queue = createLayoutQueue(layOutOnce);
  /** Resolves once no save's reading pages are being laid out: the formats wait for it. */
  const readingDone = () => queue.idle();
  /** Draws the other formats' pages and sheets: one tab, pdf.js loaded once, never while reading pages are laid out. */
  const drawer = createThumbnailDrawer({ browser, limit: (task) => readingDone().then(task) });
  /** Each save's markdown is read in a worker under the time limit, the same one while it answers in time (warm). */
  const markdown = createMarkdownWorkers({ jobs: Number.POSITIVE_INFINITY, reuse: true, ...('bundle' in options ? { bundle: options.bundle } : {}) });
  /** The formats of the last layouts, one layout's at a time. */
  let formatsDone: Promise<void> = Promise.resolve();

  async function layOutOnce(): Promise<void> {
    const started = performance.now();
    const current = ++version;
    try {
      const preview = await layOutPreview({
        source,
        dir,
        browser,
        markdown,
        paper: options.paper,
        style: options.style,
        warm,
        // Followed before the layout: an image saved while it runs makes one more.
        onInputs: (files) => watcher.follow(files),
        onPages: (pages, warnings) => {
          const ms = Math.round(performance.now() - started);
          send('pages', { version: current, pages, ms, warnings });
          log(`laid out ${pages} pages in ${ms} ms`);
        },
        onWarnings: (warnings) => send('warnings', { version: current, warnings }),
        superseded: queue.superseded,
      });
      // Not awaited: the next save's layout starts while these are made; none for a save a newer one replaces.
      if (!queue.superseded()) formatsDone = formatsDone.then(() => makeFormats(current, preview));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      send('problem', { version: current, message });
      log(message);
    }
  }

  /** The formats after the reading pages, with their warnings; skipped when a newer layout came. */
  async function makeFormats(current: number, preview: Preview): Promise<void> {
    const isCurrent = () => current === version;
    const turn = async () => {
      await readingDone();
      if (!isCurrent()) throw new Superseded();
    };
    try {
      const shown = await previewFormats({ ...preview, drawer, version: current, turn });
      if (shown && isCurrent()) {
        send('formats', { version: current, shown, warnings: preview.warnings });
        await removePicturesBefore(dir, current);
      }
    } catch (error) {
      if (!isCurrent() || error instanceof Superseded) return;
      const message = error instanceof Error ? error.message : String(error);
      send('formats', { version: current, shown: [], warnings: [...preview.warnings, message] });
      log(message);
    }
  }

  const { server, port } = await servePreview({ source, dir, events, port: options.port ?? 8040, log });
  // Declared after the server is up; layouts (which follow the images) start only after this line.
  const watcher: Watcher = watchInputs({ files: [source], onChange: queue.schedule });
  queue.schedule();

  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    async close() {
      watcher.close();
      markdown.close();
      version += 1; // the formats under way stop at their next step
      events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await queue.idle();
      await formatsDone;
      await drawer.close();
      await warm.tab?.page.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}
