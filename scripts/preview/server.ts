/**
 * The preview server: on 127.0.0.1 only, it shows one source laid out as the
 * reading edition, then every other format the build makes of it, with the
 * warnings of each, and lays it out again in its warm browser whenever the
 * source, one of its images or a stylesheet is saved. The open page hears of
 * each new layout (`pages`), its photocopy preflight's warnings
 * (`warnings`), the formats after it (`formats`), or a problem
 * in the source (`problem`) by server-sent events; the server keeps running
 * through problems. The formats are made after the reading pages are shown,
 * one layout's at a time, and never hold up the next save's pages.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { Browser } from 'puppeteer-core';
import type { PaperSize } from '../config/frontmatter.ts';
import { createThumbnailDrawer } from '../gallery/drawer.ts';
import { onExit } from '../util/exit.ts';
import { removeStaleStages } from '../util/stale-stages.ts';
import { previewFormats, removePicturesBefore, Superseded } from './formats.ts';
import { createMarkdownWorkers } from '../markdown/worker.ts';
import { layOutPreview, type Preview } from './lay-out.ts';
import { viewerHtml } from './viewer.ts';
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
  /** Print a line per layout. Default: false. */
  log?: (line: string) => void;
}

export interface PreviewServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
};

const PREVIEW_PREFIX = 'zinepress-preview-';

export async function startPreview(options: PreviewServerOptions): Promise<PreviewServer> {
  const { source, browser, log = () => undefined } = options;
  // Named after the process, so that one left by a `kill -9` is removed by the next preview.
  await removeStaleStages(tmpdir(), PREVIEW_PREFIX);
  const dir = await mkdtemp(join(tmpdir(), `${PREVIEW_PREFIX}${process.pid}-`));
  const forget = onExit(dir);
  const clients = new Set<ServerResponse>();
  let last: { event: string; data: string } | undefined;
  let lastWarnings: { event: string; data: string } | undefined;
  let lastFormats: { event: string; data: string } | undefined;
  let version = 0;
  let running: Promise<void> | undefined;
  let again = false;
  /** The tab of the last layout, laid out again at the next save. */
  const warm: { tab?: WarmTab } = {};
  /** Resolves once no save's reading pages are being laid out: the formats wait for it. */
  const readingDone = async (): Promise<void> => {
    while (running) await running;
  };
  /** Draws the other formats' pages and sheets: one tab, pdf.js loaded once, never while reading pages are laid out. */
  const drawer = createThumbnailDrawer({ browser, limit: (task) => readingDone().then(task) });
  /** Each save's markdown is read in a worker under the time limit, one started ahead for the next save. */
  const markdown = createMarkdownWorkers({ jobs: Number.POSITIVE_INFINITY });
  /** The formats of the last layouts, one layout's at a time. */
  let formatsDone: Promise<void> = Promise.resolve();

  const send = (event: string, payload: object) => {
    const message = { event, data: JSON.stringify(payload) };
    if (event === 'formats') lastFormats = message;
    else if (event === 'warnings') lastWarnings = message;
    else {
      last = message;
      if (event === 'pages') lastWarnings = undefined;
    }
    for (const client of clients) client.write(`event: ${message.event}\ndata: ${message.data}\n\n`);
  };

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
        superseded: () => again,
      });
      // Not awaited: the next save's layout starts while these are made; none for a save a newer one replaces.
      if (!again) formatsDone = formatsDone.then(() => makeFormats(current, preview));
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

  /** One layout at a time; saves during a layout make one more after it. */
  function schedule(): void {
    if (running) {
      again = true;
      return;
    }
    running = layOutOnce().finally(() => {
      running = undefined;
      if (again) {
        again = false;
        schedule();
      }
    });
  }

  const server = createServer((request, response) => {
    // A page elsewhere may point a name of its own at 127.0.0.1 (DNS rebinding): only our own names are answered.
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('zine preview answers only at 127.0.0.1 or localhost\n');
      return;
    }
    answer(request, response).catch((error: unknown) => {
      // A malformed address (`%E0%A4%A`) is the request's fault; the server goes on.
      const bad = error instanceof URIError || (error as NodeJS.ErrnoException).code === 'ERR_INVALID_URL';
      if (!response.headersSent) response.writeHead(bad ? 400 : 500).end();
      else response.destroy();
      if (!bad) log(`preview: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  let hosts = new Set<string>();
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      response.end(viewerHtml(source));
    } else if (path === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
      clients.add(response);
      request.on('close', () => clients.delete(response));
      for (const message of [last, lastWarnings, lastFormats]) {
        if (message) response.write(`event: ${message.event}\ndata: ${message.data}\n\n`);
      }
    } else if (path.startsWith('/doc/')) {
      const file = normalize(join(dir, decodeURIComponent(path.slice('/doc/'.length))));
      const found = file.startsWith(dir + sep) ? await stat(file).catch(() => undefined) : undefined;
      if (!found?.isFile()) {
        response.writeHead(404).end();
        return;
      }
      const font = extname(file) === '.woff2';
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-length': found.size,
        'cache-control': font ? 'max-age=3600' : 'no-store',
        // The fonts (only they, nothing of the text) are fetched in CORS mode and fail without it, though the page is same-origin.
        ...(font ? { 'access-control-allow-origin': '*' } : {}),
      });
      createReadStream(file).pipe(response);
    } else {
      response.writeHead(404).end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8040, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  // Declared after the server is up; layouts (which follow the images) start only after this line.
  const watcher: Watcher = watchInputs({ files: [source], onChange: schedule });
  schedule();

  return {
    url: `http://127.0.0.1:${port}/`,
    server,
    async close() {
      watcher.close();
      markdown.close();
      version += 1; // the formats under way stop at their next step
      for (const client of clients) client.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
      await formatsDone;
      await drawer.close();
      await warm.tab?.page.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}
