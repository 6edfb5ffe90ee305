import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadUserStyle } from '../../scripts/paginate/user-style.ts';
import { GOOD, zine } from '../helpers/zine.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-style-'));
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(200);
  await writeFile(join(dir, 'paper.png'), PNG.sync.write(image));
});

/** How many pixels of a PDF's first page, drawn at 30 dpi, are strongly red. */
async function redPixels(pdf: string): Promise<number> {
  const { stdout } = await promisify(execFile)('pdftoppm', ['-r', '30', '-f', '1', '-l', '1', pdf], { encoding: 'buffer', maxBuffer: 1 << 26 });
  // P6 header: "P6\nW H\n255\n", then RGB bytes.
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(stdout.subarray(0, 40).toString('latin1'));
  const start = header?.[0].length ?? 0;
  let red = 0;
  for (let i = start; i + 2 < stdout.length; i += 3) if ((stdout[i] ?? 0) > 180 && (stdout[i + 1] ?? 255) < 90 && (stdout[i + 2] ?? 255) < 90) red += 1;
  return red;
}

describe('a stylesheet of the user’s own', () => {
  it('is applied after the project’s in every format, named in the front matter', async () => {
    await writeFile(join(dir, 'style.css'), '.cover, .essay p, .card-front { color: rgb(230, 0, 0) !important; }\n.essay { background: url(paper.png); }\n');
    await writeFile(join(dir, 'red.md'), GOOD.replace('date: 2025-03-08', 'date: 2025-03-08\nstyle: style.css'));
    const built = await zine(['build', 'red.md', '--out', 'out', '--formats', 'reading,booklet,mini,slips,web,large-print'], dir);
    expect(built.code, built.stderr).toBe(0);
    for (const file of ['reading.pdf', 'booklet.pdf', 'mini.pdf', 'slips.pdf', 'large-print.pdf']) {
      expect(await redPixels(join(dir, 'out', 'red', file)), file).toBeGreaterThan(20);
    }
    expect(await readFile(join(dir, 'out', 'red', 'web', 'index.html'), 'utf8')).toContain('color: rgb(230, 0, 0) !important');
    // Its image is staged beside the pages, under style/, and the url() points there.
    expect(await readFile(join(dir, 'out', 'red', 'red.html'), 'utf8')).toContain('url("style/paper.png")');

    const plain = await zine(['build', 'red.md', '--out', 'plain', '--formats', 'reading', '--style', join(dir, 'none.css')], dir);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/none\.css/);
  }, 240_000);

  it('refuses what would load anything but its own images', async () => {
    const cases: [string, RegExp][] = [
      ['@import "other.css";', /`@import` is not allowed/],
      ['p { background: url(https://example.org/x.png); }', /image `https:\/\/example\.org\/x\.png` is on another server/],
      ['p { background: url(../outside.png); }', /image `\.\.\/outside\.png` is outside/],
      ['p { background: u\\72l(paper.png); }', /`\\` escape outside quoted text/],
      ['p { background: image-set("paper.png" 1x); }', /`image-set\(\)` and `src\(\)` are not allowed/],
      ['p { color: red; } </style><img src=x>', /`<\/style` is not allowed/],
    ];
    for (const [css, reason] of cases) {
      await writeFile(join(dir, 'bad.css'), css);
      await expect(loadUserStyle({ path: join(dir, 'bad.css'), shown: 'bad.css', root: dir }), css).rejects.toThrow(reason);
    }
    await writeFile(join(dir, 'good.css'), 'p { content: "\\2002"; background: url(\'paper.png\'); }');
    const good = await loadUserStyle({ path: join(dir, 'good.css'), shown: 'good.css', root: dir });
    expect(good.css).toBe('p { content: "\\2002"; background: url("style/paper.png"); }');
    expect(good.assets.map((asset) => asset.src)).toEqual(['style/paper.png']);
  });
});
