/**
 * The preview's HTTP side, on 127.0.0.1 only: the viewer page at `/`, its
 * events at `/events`, and the scratch folder's files (the laid-out pages,
 * their fonts and images, the other formats' pictures) under `/doc/`.
 * Requests naming another host (DNS rebinding) are refused.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import type { PreviewEvents } from './events.ts';
import { viewerHtml } from './viewer.ts';

export interface PreviewHttpOptions {
  /** The source, the viewer's title. */
  source: string;
  /** The scratch folder served under /doc/. */
  dir: string;
  events: PreviewEvents;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** Where a failure to answer is told. */
  log: (line: string) => void;
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

/** A file of the scratch folder, or a 404 for anything outside it or not a file. */
async function sendFile(dir: string, path: string, response: ServerResponse): Promise<void> {
  const file = normalize(join(dir, decodeURIComponent(path)));
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
}

/** Starts the server; resolves with it and its port once it listens. */
export async function servePreview(options: PreviewHttpOptions): Promise<{ server: Server; port: number }> {
  const { source, dir, events, log } = options;
  let hosts = new Set<string>();
  async function answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      response.end(viewerHtml(source));
    } else if (path === '/events') events.listen(request, response);
    else if (path.startsWith('/doc/')) await sendFile(dir, path.slice('/doc/'.length), response);
    else response.writeHead(404).end();
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
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return { server, port };
}
