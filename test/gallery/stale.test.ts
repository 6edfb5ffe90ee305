/**
 * The gallery after a build stopped midway: once a document is moved into
 * place, output/index.html is either this build's or marked out of date,
 * never the old version's page left as if it were current.
 */
import { statSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeGalleryIndex } from '../../scripts/gallery/gallery.ts';
import { markGalleryStale, STALE_MARK } from '../../scripts/gallery/stale.ts';
import { GOOD, startZine, zine } from '../helpers/zine.ts';

describe('the gallery marked out of date', () => {
  it('is marked once, and the index written at the end has no mark', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stale-'));
    await writeGalleryIndex(out);
    await markGalleryStale(out);
    await markGalleryStale(out);
    const marked = await readFile(join(out, 'index.html'), 'utf8');
    expect(marked.split(STALE_MARK)).toHaveLength(2);
    await writeGalleryIndex(out);
    expect(await readFile(join(out, 'index.html'), 'utf8')).not.toContain(STALE_MARK);
  });

  it('a build stopped by SIGINT just after its document moved in leaves the page marked, or its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-stale-build-'));
    await writeFile(join(dir, 'e.md'), GOOD);
    expect((await zine(['build', 'e.md', '--out', 'out'], dir)).code).toBe(0);
    const pdf = join(dir, 'out', 'e', 'reading.pdf');
    const index = join(dir, 'out', 'index.html');
    const before = statSync(pdf).ino;
    await writeFile(join(dir, 'e.md'), GOOD.replace('Some text with a note.', 'Some other text with a note.'));
    const run = startZine(['build', 'e.md', '--out', 'out'], dir);
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    // Stopped as soon as the new reading.pdf is in place, before the thumbnails and the index are written.
    for (let waited = 0; statSync(pdf).ino === before && waited < 60_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    run.child.kill('SIGINT');
    const code = await exited;
    const page = await readFile(index, 'utf8');
    if (code === 130) {
      expect(run.stderr.text).toMatch(/stopped by SIGINT; already written, whole: out\/e/);
      const own = statSync(index).mtimeMs >= statSync(pdf).mtimeMs;
      expect(page.includes(STALE_MARK) || own, 'the old page, unmarked').toBe(true);
    } else {
      expect(code).toBe(0); // the build ended before the signal: its own page, unmarked
      expect(page).not.toContain(STALE_MARK);
    }
  }, 120_000);
});
