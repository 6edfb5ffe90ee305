/**
 * The `zine init` starter with a paragraph, more notes and a 1500×1000 photo,
 * built in every format that carries the text: the photo is in each of them,
 * inside the text block, and the notes carry the same marks in print and on
 * the web.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { imagesOf, readPages } from '../helpers/pdf.ts';
import { zine } from '../helpers/zine.ts';

let dir: string;

function photo(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let index = 0; index < width * height; index += 1) png.data.set([(index * 7) % 256, (index * 3) % 256, 90, 255], index * 4);
  return PNG.sync.write(png);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-editions-'));
  expect((await zine(['init', 'zine.md'], dir)).code).toBe(0);
  const starter = await readFile(join(dir, 'zine.md'), 'utf8');
  const notes = ['staple', 'toner', 'paper', 'post'];
  const text = starter
    .replace(
      '## Print one, then many',
      `A photo of the last table we ran, with the zines in rows, and more notes.${notes.map((note) => `[^${note}]`).join(' and ')}\n\n![The zine table](photo.png)\n\n## Print one, then many`,
    )
    .replace('[^fold]:', `${notes.map((note) => `[^${note}]: A note on the ${note}.`).join('\n\n')}\n\n[^fold]:`);
  await writeFile(join(dir, 'zine.md'), text);
  await writeFile(join(dir, 'photo.png'), photo(1500, 1000));
  // Built in the test's process, without the gallery: its PDFs and web edition are what is read here (a `zine`
  // run added its process, its own markdown worker and the thumbnails). A fault stops the build, as it failed the run.
  const warnings: string[] = [];
  await build({ files: [join(dir, 'zine.md')], out: join(dir, 'out'), formats: ['reading', 'booklet', 'mini', 'web', 'large-print'], progress: false, gallery: false, reporter: { warn: (line) => void warnings.push(line) } });
  expect(warnings.join('\n')).not.toMatch(/read back/);
}, 240_000);

describe('every edition of a zine with a photo and five notes', () => {
  it('prints the photo in every format that carries the text, inside the text block', async () => {
    for (const file of ['reading.pdf', 'large-print.pdf']) {
      const bytes = await readFile(join(dir, 'out', 'zine', file));
      const pages = await readPages(bytes);
      const [image, ...others] = await imagesOf(bytes);
      expect(others, file).toEqual([]);
      if (image === undefined) throw new Error(`${file} has no image`);
      // The text block of the photo's side (left or right pages): from the leftmost to the rightmost line of text.
      const words = pages.filter((_, index) => index % 2 === (image.page - 1) % 2).flatMap((page) => page.words.filter((word) => word.height >= 8 && word.y > 72));
      const left = Math.min(...words.map((word) => word.x));
      const right = Math.max(...words.map((word) => word.x + word.width));
      expect(image.left, file).toBeGreaterThanOrEqual(left - 0.5);
      // Large print is set ragged: its longest lines come within a few points of the block's edge.
      expect(image.right, file).toBeLessThanOrEqual(right + (file === 'large-print.pdf' ? 4 : 0.5));
    }
    for (const file of ['booklet.pdf', 'mini.pdf', 'large-print-booklet.pdf']) {
      const bytes = await readFile(join(dir, 'out', 'zine', file));
      const sheets = await readPages(bytes);
      const images = await imagesOf(bytes);
      expect(images, file).toHaveLength(1);
      const sheet = sheets[(images[0]?.page ?? 1) - 1];
      // On the sheet, not beside it.
      expect(images[0]?.left, file).toBeGreaterThan(0);
      expect(images[0]?.right, file).toBeLessThan(sheet?.width ?? 0);
    }
    const web = await readFile(join(dir, 'out', 'zine', 'web', 'index.html'), 'utf8');
    expect(web.match(/<img [^>]*src="photo\.png"/g)).toHaveLength(1);
  });

  it('marks the notes *, **, ***, 4 and 5 in print and on the web alike', async () => {
    const pages = await readPages(await readFile(join(dir, 'out', 'zine', 'reading.pdf')));
    const text = pages.map((page) => page.text).join(' ');
    for (const note of ['staple', 'toner', 'paper', 'post']) expect(text).toContain(`A note on the ${note}.`);
    expect(text).toMatch(/\b4\s*A note on the paper\./);
    expect(text).toMatch(/\b5\s*A note on the post\./);
    expect(text).not.toContain('****');
    const web = await readFile(join(dir, 'out', 'zine', 'web', 'index.html'), 'utf8');
    const calls = [...web.matchAll(/role="doc-noteref"[^>]*>([^<]*)</g)].map((match) => match[1]);
    expect(calls).toEqual(['*', '**', '***', '4', '5']);
  });
});
