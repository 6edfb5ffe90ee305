/**
 * A text with a wide photo (1500×1000) and a tall one (600×1400), built in
 * every format that carries the text: each image is in each, inside the text
 * block of its page (the page box less that format's margins), and on the
 * web page. A stylesheet that moves an image out of its text block stops the
 * build at the image's place in the markdown, naming the page.
 */
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../../../scripts/build.ts';
import { imagesOf, type DrawnImage } from '../../helpers/pdf.ts';
import { zine } from '../../helpers/zine.ts';

const FIXTURE = join(import.meta.dirname, '..', '..', 'fixtures', 'formats', 'images-in-place');

/** The stylesheet added to every layout of this file's in-process builds, when set. */
const override = vi.hoisted(() => ({ css: '' }));
vi.mock('../../../scripts/paginate/document.ts', async (original) => {
  const module = await original<typeof import('../../../scripts/paginate/document.ts')>();
  return {
    ...module,
    buildDocument: async (options: Parameters<typeof module.buildDocument>[0]) =>
      (await module.buildDocument(options)).replace('</head>', `<style>${override.css}</style>\n</head>`),
  };
});

function photo(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let index = 0; index < width * height; index += 1) png.data.set([(index * 7) % 256, (index * 3) % 256, 90, 255], index * 4);
  return PNG.sync.write(png);
}

async function fixtureIn(dir: string): Promise<string> {
  await copyFile(join(FIXTURE, 'zine.md'), join(dir, 'zine.md'));
  await writeFile(join(dir, 'wide.png'), photo(1500, 1000));
  await writeFile(join(dir, 'tall.png'), photo(600, 1400));
  return join(dir, 'zine.md');
}

const IN = 72;
/** A box (origin bottom left) within `cell` less `inset` on each side, give or take half a point. */
function within(image: DrawnImage, cell: { left: number; bottom: number; width: number; height: number }, inset: { left: number; right: number; top: number; bottom: number }) {
  return (
    image.left >= cell.left + inset.left - 0.5 &&
    image.right <= cell.left + cell.width - inset.right + 0.5 &&
    image.bottom >= cell.bottom + inset.bottom - 0.5 &&
    image.top <= cell.bottom + cell.height - inset.top + 0.5
  );
}

/** The cells of a sheet `columns` × `rows`, each as a box from the bottom left. */
const cells = (width: number, height: number, columns: number, rows: number) =>
  Array.from({ length: columns * rows }, (_, index) => ({ left: (index % columns) * (width / columns), bottom: Math.floor(index / columns) * (height / rows), width: width / columns, height: height / rows }));

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-images-in-place-'));
  await fixtureIn(dir);
  const built = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading,booklet,mini,web,large-print'], dir);
  expect(built.stderr).not.toMatch(/read back|stands out|is on no page/);
  expect(built.code).toBe(0);
}, 240_000);

describe('images read back from every format', () => {
  it('draws both images inside the text block of their pages in the reading and large-print editions', async () => {
    for (const file of ['reading.pdf', 'large-print.pdf']) {
      const images = await imagesOf(await readFile(join(dir, 'out', 'zine', file)));
      expect(images, file).toHaveLength(2);
      for (const image of images) {
        // Half-letter pages: 0.6 in at the top, 0.75 in at the foot, 0.6 in at the spine and 0.5 in outside.
        const right = image.page % 2 === 1;
        const margins = { left: (right ? 0.6 : 0.5) * IN, right: (right ? 0.5 : 0.6) * IN, top: 0.6 * IN, bottom: 0.75 * IN };
        expect(within(image, { left: 0, bottom: 0, width: 5.5 * IN, height: 8.5 * IN }, margins), `${file} page ${image.page}: ${JSON.stringify(image)}`).toBe(true);
      }
      // The tall one is scaled to fit its page: no taller than the text block.
      expect(Math.max(...images.map((image) => image.top - image.bottom)), file).toBeLessThanOrEqual((8.5 - 0.6 - 0.75) * IN + 0.5);
    }
  });

  it('draws both images within a page of the imposed sheets, inside its margins', async () => {
    const sheets = [
      { file: 'booklet.pdf', cells: cells(11 * IN, 8.5 * IN, 2, 1), inset: 0.5 * IN },
      { file: 'large-print-booklet.pdf', cells: cells(11 * IN, 8.5 * IN, 2, 1), inset: 0.5 * IN },
      // The mini zine's eight cells, 0.3 in clear on every side.
      { file: 'mini.pdf', cells: cells(11 * IN, 8.5 * IN, 4, 2), inset: 0.3 * IN },
    ];
    for (const { file, cells: all, inset } of sheets) {
      const images = await imagesOf(await readFile(join(dir, 'out', 'zine', file)));
      expect(images, file).toHaveLength(2);
      const sides = { left: inset, right: inset, top: inset, bottom: inset };
      for (const image of images) expect(all.some((cell) => within(image, cell, sides)), `${file}: ${JSON.stringify(image)}`).toBe(true);
    }
  });

  it('shows both images on the web page', async () => {
    const web = await readFile(join(dir, 'out', 'zine', 'web', 'index.html'), 'utf8');
    expect(web.match(/<img [^>]*src="(wide|tall)\.png"/g)).toHaveLength(2);
  });
});

describe('an image moved out of its text block', () => {
  it('stops the build at the image, naming the page and how far it stands out', async () => {
    const work = await mkdtemp(join(tmpdir(), 'zine-image-out-'));
    const file = await fixtureIn(work);
    override.css = await readFile(join(FIXTURE, 'override.css'), 'utf8');
    try {
      const failed = await build({ files: [file], out: join(work, 'out'), progress: false, formats: ['reading'], concurrency: 1 }).then(
        () => undefined,
        (error: unknown) => error,
      );
      // The wide photo is on line 14 of the markdown; the override pushes it 0.4 in (28.8 pt, give or take the
      // pixel Chromium rounds it to) past the left margin; the tall one, on line 18, too.
      const message = failed instanceof Error ? failed.message : String(failed);
      const out = /zine\.md:14:1: read back from the reading layout, page (\d+): the image wide\.png stands out of the text block, ([\d.]+) pt past its left edge/.exec(message);
      expect(out, message).not.toBeNull();
      expect(Number(out?.[2])).toBeCloseTo(28.8, 0);
      expect(message).toMatch(/zine\.md:18:1: read back from the reading layout, page \d+: the image tall\.png stands out of the text block/);
    } finally {
      override.css = '';
    }
  }, 240_000);
});
