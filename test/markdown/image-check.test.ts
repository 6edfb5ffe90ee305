import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { inspectImage } from '../../scripts/markdown/image-check.ts';
import { cleanImage } from '../../scripts/images/clean.ts';
import { errorsOf } from './helpers.ts';

let dir: string;

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(180);
  return PNG.sync.write(image);
}

const goodPng = png(64, 48);
const goodJpeg = Buffer.from(jpeg.encode({ width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 120) }, 80).data);
const corruptPng = Buffer.from(goodPng.map((byte, i) => (i >= 60 && i < 80 ? byte ^ 0xff : byte)));
/** A real PNG header that claims 40000×40000 pixels. */
const hugePng = Buffer.from(goodPng);
hugePng.writeUInt32BE(40000, 16);
hugePng.writeUInt32BE(40000, 20);

const FILES: Record<string, Buffer | string> = {
  'good.png': goodPng,
  'good.jpg': goodJpeg,
  'good.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="url(#g)"/></svg>',
  'cut.png': goodPng.subarray(0, goodPng.length - 30),
  'corrupt.png': corruptPng,
  'cut.jpg': goodJpeg.subarray(0, goodJpeg.length >> 1),
  'huge.png': hugePng,
  'empty.png': '',
  'words.png': 'these are words, not pixels\n',
  'script.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  'handler.svg': '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
  'remote.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>',
  'local.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="file:///etc/passwd"/></svg>',
  'html.svg': '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>hi</p></foreignObject></svg>',
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-images-'));
  for (const [name, bytes] of Object.entries(FILES)) await writeFile(join(dir, name), bytes);
});

/** What is wrong with the image file `name`, as the markdown stage finds it (checked, then cleaned). */
async function imageProblem(path: string): Promise<string | undefined> {
  const bytes = await readFile(path);
  const inspected = await inspectImage(bytes);
  if ('problem' in inspected) return inspected.problem;
  const cleaned = cleanImage(bytes, inspected.type);
  return 'problem' in cleaned ? cleaned.problem : undefined;
}

describe('imageProblem', () => {
  it('passes good PNG, JPEG and SVG images', async () => {
    for (const name of ['good.png', 'good.jpg', 'good.svg']) expect(await imageProblem(join(dir, name)), name).toBeUndefined();
  });

  it.each([
    ['cut.png', 'is a damaged PNG file that cannot be decoded (it ends too early)'],
    ['corrupt.png', 'is a damaged PNG file that cannot be decoded'],
    ['cut.jpg', 'is a damaged JPEG file that cannot be decoded'],
    ['huge.png', 'is 40000×40000 pixels, far more than print needs'],
    ['empty.png', 'is an empty file'],
    ['words.png', 'is not an image'],
    ['script.svg', 'is an SVG with a script in it'],
    ['handler.svg', 'is an SVG with an event handler (onload)'],
    ['remote.svg', 'refers to `https://example.org/x.png` outside itself'],
    ['local.svg', 'refers to `file:///etc/passwd` outside itself'],
    ['html.svg', 'is an SVG with HTML in it'],
  ])('refuses %s', async (name, reason) => {
    expect(await imageProblem(join(dir, name))).toContain(reason);
  });
});

describe('images in the markdown', () => {
  it('are refused at their place when they cannot be printed', async () => {
    const text = '---\ntitle: X\n---\n\nText.\n\n![ok](good.png) and ![bad](corrupt.png)\n\n  ![text](words.png)\n';
    const errors = await errorsOf(text, join(dir, 'essay.md'));
    expect(errors.map((line) => line.replace(/ \(.*$/, '').replace(/^.*essay\.md/, 'essay.md'))).toEqual([
      'essay.md:7:21: image `corrupt.png` is a damaged PNG file that cannot be decoded',
      'essay.md:9:3: image `words.png` is not an image',
    ]);
  });
});
