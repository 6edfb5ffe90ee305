/**
 * Nothing of who took a photo, where, or of the machine that built the zine
 * leaves with it: a document with a phone's JPEG (EXIF with a GPS position,
 * a name and orientation 6, XMP, IPTC, an ICC profile naming a laptop, a
 * comment) as its cover and in its text, a PNG with text, EXIF and time
 * chunks and a drawing program's SVG is built into every format, from a
 * folder whose path carries a marker; every file written is searched for the
 * markers (each PDF's streams decompressed, its strings decoded, its images
 * read back), and the photo is printed upright. SVGs that would reach the
 * network are refused, with a loopback listener that never hears from them.
 */
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, relative } from 'node:path';
import { inflateSync } from 'node:zlib';
import { PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, type PDFDict } from 'pdf-lib';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readExif } from '../../scripts/images/exif.ts';
import { svgHairlines } from '../../scripts/formats/svg-hairlines.ts';
import { closeBrowser, launchBrowser } from '../../scripts/browser/browser.ts';
import { MARKERS, taggedJpeg, taggedPng, taggedSvg } from '../helpers/tagged-images.ts';
import { zine, type Ran } from '../helpers/zine.ts';

/** In the path of the folder built from, so that any path of this machine that leaks is found. */
const PATH_MARKER = 'MarkerMachinePath';

let dir: string;
let built: Ran;
let files: Map<string, Uint8Array>;
let server: Server;
let port: number;
const requests: string[] = [];

const ESSAY = `---
title: Rally notes
author: The Tenants' Union
date: 2026-03-08
cover: march.jpg
---

# At the march

We met at the corner and walked to the courthouse together, a long line of people.

![The march](march.jpg)

![A flyer](flyer.png)

![The crowd](crowd.jpg)

![Logo](logo.svg)

![Animated](animated.svg)

More words after the pictures, so that the pages have text as well as images on them.

::::tear-off
## Join us

:::address
Tenants' Union\\
12 Main Street
:::
::::
`;

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    response.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  dir = await mkdtemp(join(tmpdir(), `zine-${PATH_MARKER}-`));
  await writeFile(join(dir, 'march.jpg'), taggedJpeg({ width: 400, height: 200, orientation: 6 }));
  await writeFile(join(dir, 'flyer.png'), taggedPng(200, 120));
  // Upright: Chromium places such a JPEG in the PDF as it is, byte for byte.
  await writeFile(join(dir, 'crowd.jpg'), taggedJpeg({ width: 240, height: 160, orientation: 1 }));
  await writeFile(join(dir, 'logo.svg'), taggedSvg());
  // Neutralised, not refused: the animation and the style sheet instruction are dropped.
  await writeFile(
    join(dir, 'animated.svg'),
    `<?xml-stylesheet href="http://127.0.0.1:${port}/pi.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" width="20" height="10"><rect width="20" height="10" fill="#555"><set attributeName="fill" to="url(http://127.0.0.1:${port}/set#g)"/></rect></svg>`,
  );
  await writeFile(join(dir, 'essay.md'), ESSAY);
  built = await zine(['build', 'essay.md', '--out', 'out', '--formats', 'reading,booklet,mini,slips,web,large-print'], dir);
  files = new Map();
  const out = join(dir, 'out');
  for (const entry of await readdir(out, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(out, join(entry.parentPath, entry.name)), await readFile(join(entry.parentPath, entry.name)));
  }
}, 300_000);

afterAll(async () => {
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** Every stream of a PDF, decompressed where it is Flate, and every string in it, decoded. */
async function pdfContents(bytes: Uint8Array): Promise<{ streams: Uint8Array[]; strings: string[]; images: { filter: string; bytes: Uint8Array }[] }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const streams: Uint8Array[] = [];
  const strings: string[] = [];
  const images: { filter: string; bytes: Uint8Array }[] = [];
  const collect = (value: unknown): void => {
    if (value instanceof PDFString || value instanceof PDFHexString) strings.push(value.decodeText());
  };
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    const dict = (object instanceof PDFRawStream ? object.dict : object) as PDFDict;
    if (typeof dict?.entries === 'function') for (const [, value] of dict.entries()) collect(value);
    if (!(object instanceof PDFRawStream)) continue;
    const filter = String(object.dict.get(PDFName.of('Filter')) ?? '');
    const contents = filter === '/FlateDecode' ? inflateSync(object.contents) : object.contents;
    streams.push(contents);
    if (String(object.dict.get(PDFName.of('Subtype'))) === '/Image') images.push({ filter, bytes: contents });
  }
  return { streams, strings, images };
}

/** What of the markers and of this machine the bytes hold. */
function tracesIn(text: string): string[] {
  const machine = [dir, PATH_MARKER, join(tmpdir(), 'zine'), process.cwd()];
  const found: string[] = [...Object.values(MARKERS), ...machine].filter((needle) => text.includes(needle));
  // Names are searched as words: a user called "root" is not CSS's `:root`.
  for (const name of [userInfo().username, hostname()]) {
    if (new RegExp(`(?<![\\w:.-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(text)) found.push(name);
  }
  return found;
}

const isText = (name: string) => /\.(html|json|css|txt|svg)$/.test(name);

describe('a zine built from images full of metadata', () => {
  it('is built into every format, with a privacy line naming what was removed', () => {
    expect(built.code, built.stderr).toBe(0);
    expect([...files.keys()].filter((name) => name.endsWith('.pdf')).sort()).toEqual(
      expect.arrayContaining(['essay/booklet.pdf', 'essay/large-print-booklet.pdf', 'essay/large-print.pdf', 'essay/mini.pdf', 'essay/reading.pdf', 'essay/slips.pdf']),
    );
    expect(built.stdout).toMatch(/essay: image march\.jpg: GPS position, photographer’s name, camera, .*XMP metadata.*IPTC metadata.*comment.*removed/);
    expect(built.stdout).toMatch(/essay: image flyer\.png: GPS position, photographer’s name, camera, .*time.*text.*removed/);
    expect(built.stdout).toContain('essay: image logo.svg: drawing program’s data, metadata removed');
    const gallery = Buffer.from(files.get('index.html') ?? new Uint8Array()).toString('utf8');
    expect(gallery).toContain('march.jpg: GPS position, photographer’s name, camera');
  });

  it('leaves no marker and nothing of the machine in any file written, PDFs opened up', async () => {
    const carrying: string[] = [];
    for (const [name, bytes] of files) {
      const found = new Set(tracesIn(isText(name) ? Buffer.from(bytes).toString('utf8') : latin1(bytes)).filter((trace) => isText(name) || !/^[a-z]{1,4}$/.test(trace)));
      if (name.endsWith('.pdf')) {
        const { streams, strings } = await pdfContents(bytes);
        for (const stream of streams) for (const trace of tracesIn(latin1(stream)).filter((t) => t.length > 4)) found.add(trace);
        for (const trace of tracesIn(strings.join('\n'))) found.add(trace);
      }
      if (found.size > 0) carrying.push(`${name}: ${[...found].join(', ')}`);
    }
    expect(files.size).toBeGreaterThan(20);
    expect(carrying).toEqual([]);
  });

  it('writes into each PDF the front matter’s metadata and nothing else', async () => {
    for (const [name, bytes] of files) {
      if (!name.endsWith('.pdf') || name.includes('thumbnails/')) continue;
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(doc.getTitle(), name).toBe('Rally notes');
      expect(doc.getAuthor(), name).toBe('The Tenants’ Union'.replace('’', "'"));
      expect(doc.getCreationDate()?.toISOString(), name).toBe('2026-03-08T00:00:00.000Z');
      expect(doc.catalog.get(PDFName.of('Metadata')), name).toBeUndefined();
      const id = String(doc.context.trailerInfo.ID ?? '');
      expect(id, name).toMatch(/^\[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]$/);
    }
  });

  it('publishes the web edition’s images cleaned', () => {
    const photo = files.get('essay/web/march.jpg');
    expect(photo).toBeDefined();
    expect(tracesIn(latin1(photo as Uint8Array))).toEqual([]);
    expect(latin1(files.get('essay/web/flyer.png') as Uint8Array)).not.toMatch(/tEXt|iTXt|zTXt|tIME/);
  });

  it('puts into every PDF only images without metadata', async () => {
    let count = 0;
    let jpegs = 0;
    for (const [name, bytes] of files) {
      if (!name.endsWith('.pdf')) continue;
      for (const image of (await pdfContents(bytes)).images) {
        count += 1;
        expect(tracesIn(latin1(image.bytes)), name).toEqual([]);
        if (image.filter !== '/DCTDecode') continue;
        jpegs += 1;
        // A JPEG placed as it is: at most the orientation left of its EXIF, no XMP, IPTC or comment.
        const text = latin1(image.bytes);
        const exif = text.indexOf('Exif\0\0');
        if (exif !== -1) expect(readExif(image.bytes.subarray(exif + 6)).told).toEqual([]);
        expect(text).not.toMatch(/http:\/\/ns\.adobe\.com|Photoshop 3\.0|\xff\xfe/);
      }
    }
    expect(count).toBeGreaterThanOrEqual(6);
    expect(jpegs).toBeGreaterThanOrEqual(1);
  });

  it('prints the photo upright: its dark side, at the top of the picture, above its light side', async () => {
    const doc = await getDocument({ data: new Uint8Array(files.get('essay/reading.pdf') as Uint8Array), verbosity: 0 }).promise;
    const page = await doc.getPage(2);
    const list = await page.getOperatorList();
    let ctm = [1, 0, 0, 1, 0, 0];
    const saved: number[][] = [];
    const placed: { ctm: number[]; id: string }[] = [];
    list.fnArray.forEach((fn, index) => {
      const args = list.argsArray[index] as unknown[];
      if (fn === OPS.save) saved.push(ctm);
      if (fn === OPS.restore) ctm = saved.pop() ?? [1, 0, 0, 1, 0, 0];
      if (fn === OPS.transform) ctm = multiply(args as number[], ctm);
      if (fn === OPS.paintImageXObject) placed.push({ ctm, id: args[0] as string });
    });
    // The photo is the image whose pixels are the 400×200 of the file, or 200×400 if turned before it was placed.
    const images = await Promise.all(placed.map(async ({ ctm, id }) => ({ ctm, image: (await objectOf(page, id)) as { width: number; height: number; data: Uint8ClampedArray; kind: number } })));
    const photo = images.find(({ image }) => image.width * image.height === 400 * 200);
    expect(photo).toBeDefined();
    const { ctm: m, image } = photo as (typeof images)[number];
    // Where the dark and the light pixels are, in the image's unit square (v up), then on the page.
    const dark = centroid(image, (value) => value < 128);
    const light = centroid(image, (value) => value >= 128);
    const onPage = ([u, v]: number[]) => [(m[0] as number) * (u as number) + (m[2] as number) * (v as number) + (m[4] as number), (m[1] as number) * (u as number) + (m[3] as number) * (v as number) + (m[5] as number)];
    const [, darkY] = onPage(dark);
    const [, lightY] = onPage(light);
    expect(darkY as number).toBeGreaterThan((lightY as number) + 10);
    // Its box on the page is portrait, as the photo was taken.
    const width = Math.abs(m[0] as number) + Math.abs(m[2] as number);
    const height = Math.abs(m[1] as number) + Math.abs(m[3] as number);
    expect(height).toBeGreaterThan(width * 1.5);
    await doc.destroy();
  });

  it('made no request to the network', () => {
    expect(requests).toEqual([]);
  });
});

function multiply(a: number[], b: number[]): number[] {
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4, b5] = b as [number, number, number, number, number, number];
  return [a0 * b0 + a1 * b2, a0 * b1 + a1 * b3, a2 * b0 + a3 * b2, a2 * b1 + a3 * b3, a4 * b0 + a5 * b2 + b4, a4 * b1 + a5 * b3 + b5];
}

function objectOf(page: { objs: { get(id: string, callback: (data: unknown) => void): void } }, id: string): Promise<unknown> {
  return new Promise((resolve) => page.objs.get(id, resolve));
}

/** The mean place, in the unit square with v up, of the pixels whose first channel passes `test`. */
function centroid(image: { width: number; height: number; data: Uint8ClampedArray }, test: (value: number) => boolean): number[] {
  const channels = image.data.length / (image.width * image.height);
  let u = 0;
  let v = 0;
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (!test(image.data[(y * image.width + x) * channels] as number)) continue;
      u += (x + 0.5) / image.width;
      v += 1 - (y + 0.5) / image.height;
      n += 1;
    }
  }
  return [u / n, v / n];
}

describe('--keep-metadata', () => {
  it('publishes the images as they are, with a warning that says what they tell', async () => {
    const ran = await zine(['build', 'essay.md', '--out', 'kept', '--formats', 'web', '--keep-metadata'], dir);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toMatch(/^essay\.md: --keep-metadata: the images are published as they are, .*march\.jpg: GPS position, photographer’s name, camera/m);
    expect(ran.stdout).toMatch(/essay: image march\.jpg: GPS position, .* kept \(--keep-metadata\)/);
    expect(await readFile(join(dir, 'kept', 'essay', 'web', 'march.jpg'))).toEqual(await readFile(join(dir, 'march.jpg')));
  }, 60_000);
});

describe('SVGs that would run or fetch', () => {
  it('are refused at their place in the markdown, and nothing reaches the listener', async () => {
    const folder = join(dir, 'hostile');
    await mkdir(folder, { recursive: true });
    const url = `http://127.0.0.1:${port}`;
    const open = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">';
    const variants: Record<string, string> = {
      'prefixed.svg': `<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><s:script>fetch('${url}/prefixed')</s:script></s:svg>`,
      'import.svg': `${open}<style>@\\69mport "${url}/import.css";</style></svg>`,
      'url.svg': `${open}<rect style="fill: u\\72l(${url}/url)" width="1" height="1"/></svg>`,
      'set.svg': `${open}<a><set attributeName="href" to="${url}/set"/><rect width="1" height="1"/></a></svg>`,
      'external.svg': `${open}<image href="${url}/external.png" width="1" height="1"/></svg>`,
      'loop.svg': `${open}<script>while(true){}</script></svg>`,
    };
    for (const [name, text] of Object.entries(variants)) await writeFile(join(folder, name), text);
    const lines = Object.keys(variants).map((name) => `![${name}](${name})`);
    await writeFile(join(folder, 'hostile.md'), `---\ntitle: Hostile\n---\n\n${lines.join('\n\n')}\n`);
    const started = performance.now();
    const ran = await zine(['build', 'hostile.md', '--out', 'out', '--formats', 'reading'], folder);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('hostile.md:'))).toEqual([
      expect.stringMatching(/^hostile\.md:5:1: image `prefixed\.svg` is an SVG with a script in it at line 1, column \d+/),
      expect.stringMatching(/^hostile\.md:7:1: image `import\.svg` is an SVG whose CSS uses escapes/),
      expect.stringMatching(/^hostile\.md:9:1: image `url\.svg` is an SVG whose CSS uses escapes/),
      expect.stringMatching(/^hostile\.md:11:1: image `set\.svg` is an SVG that animates a link/),
      expect.stringMatching(/^hostile\.md:13:1: image `external\.svg` is an SVG that refers to `http:\/\/127\.0\.0\.1:\d+\/external\.png` outside itself/),
      expect.stringMatching(/^hostile\.md:15:1: image `loop\.svg` is an SVG with a script in it/),
    ]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(requests).toEqual([]);
  }, 60_000);

  it('run nothing and fetch nothing when the hairline measurement opens one as it is', async () => {
    // Past the cleaning, as if it had missed them: the tab itself must hold.
    const stage = join(dir, 'stage');
    await mkdir(stage, { recursive: true });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10" width="10" height="10">
<style>@import url(http://127.0.0.1:${port}/direct.css);</style>
<image href="http://127.0.0.1:${port}/direct.png" width="5" height="5"/>
<rect width="5" height="5" stroke="#000" stroke-width="0.01"/>
<script>fetch('http://127.0.0.1:${port}/script'); while(true){}</script></svg>`;
    await writeFile(join(stage, 'raw.svg'), svg);
    const browser = launchBrowser();
    try {
      const found = await svgHairlines({ browser: await browser, dir: stage, images: [{ page: 1, src: 'raw.svg', width: 72 }] });
      // Measured all the same (a script that ran would never have let it finish).
      expect(found.map(({ kind }) => kind)).toEqual(['hairline']);
    } finally {
      await closeBrowser(browser);
    }
    expect(requests).toEqual([]);
  }, 60_000);
});
