/**
 * Issue 30, point 8 and the preview's part of point 9: which `Host:` the
 * preview answers, a malformed URL, and its temporary folder after kill -9.
 */
import { request } from 'node:http';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exitOf, GOOD, lastLine, runZine, sleep, type AuditCase, type Ran, type Running } from './harness.ts';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET `path` on 127.0.0.1:port with the given Host; the status, or 0 when nothing answered. */
export function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const asked = request({ host: '127.0.0.1', port, path, headers: { host }, timeout: 10_000 }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    asked.on('error', () => resolve({ status: 0, body: '' }));
    asked.on('timeout', () => asked.destroy());
    asked.end();
  });
}

/** Starts `zine preview` on a free port, runs `probe` once it answers, then stops it as `stop` says. */
async function withPreview(
  repo: string,
  dir: string,
  tmp: string,
  stop: 'ctrl-c' | 'SIGKILL',
  probe: (port: number) => Promise<void>,
): Promise<Ran & { answered: boolean }> {
  await writeFile(join(dir, 'e.md'), GOOD);
  const port = await freePort();
  let answered = false;
  let child: Running | undefined;
  const ran = runZine(repo, ['preview', 'e.md', '--port', String(port)], { cwd: dir, tmp, capMs: 240_000, onStart: (running) => (child = running) });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && !answered) {
    answered = (await get(port, '/', `127.0.0.1:${port}`)).status === 200;
    if (!answered) await sleep(500);
  }
  if (answered) await probe(port);
  if (stop === 'ctrl-c') child?.ctrlC();
  else child?.kill('SIGKILL');
  return { ...(await ran), answered };
}

const previewFolders = async (tmp: string) => (await readdir(tmp)).filter((name) => name.startsWith('zinepress-preview-'));

export const previewCases: AuditCase[] = [
  {
    point: 8,
    name: 'preview: Host: evil.example, and GET /doc/%E0%A4%A',
    async run({ repo, dir, tmp }) {
      const seen: string[] = [];
      let held = false;
      const ran = await withPreview(repo, dir, tmp, 'ctrl-c', async (port) => {
        const evil = await get(port, '/', 'evil.example');
        const evilPort = await get(port, '/', `evil.example:${port}`);
        const local = await get(port, '/', `localhost:${port}`);
        const malformed = await get(port, '/doc/%E0%A4%A', `127.0.0.1:${port}`);
        const alive = await get(port, '/', `127.0.0.1:${port}`);
        seen.push(`evil ${evil.status}, evil:port ${evilPort.status}, localhost ${local.status}, malformed ${malformed.status}, after it ${alive.status}`);
        held = evil.status === 403 && evilPort.status === 403 && local.status === 200 && malformed.status === 400 && alive.status === 200;
      });
      return { held: held && ran.answered, code: exitOf(ran), seconds: ran.seconds, message: `${seen.join('') || 'never answered'}; on Ctrl-C: ${lastLine(ran)}` };
    },
  },
  {
    point: 9,
    name: 'preview killed -9: its temp folder removed by the next run',
    async run({ repo, dir, tmp }) {
      const killed = await withPreview(repo, dir, tmp, 'SIGKILL', async () => undefined);
      const after = (await previewFolders(tmp)).length;
      const next = await withPreview(repo, dir, tmp, 'ctrl-c', async () => undefined);
      await sleep(500);
      const left = (await previewFolders(tmp)).length;
      return {
        held: killed.answered && next.answered && left === 0,
        code: `${exitOf(killed)}→${exitOf(next)}`,
        seconds: next.seconds,
        message: `${after} preview folder(s) after kill -9, ${left} after the next run's Ctrl-C`,
      };
    },
  },
];
