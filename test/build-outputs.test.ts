import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOOD, zine } from './helpers/zine.ts';

/** Every file under `dir`, by path relative to it, sorted. */
async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe('a document’s folder after a build of fewer formats', () => {
  it('holds only what the last build made, and the gallery links exactly that', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-outputs-'));
    await writeFile(join(dir, 'zine.md'), GOOD);
    expect((await zine(['build', 'zine.md', '--out', 'out'], dir)).code).toBe(0);
    const before = await filesIn(join(dir, 'out', 'zine'));
    for (const file of ['booklet.pdf', 'mini.pdf', 'slips.pdf', 'reading.pdf', 'web/index.html']) expect(before).toContain(file);
    await writeFile(join(dir, 'out', 'zine', 'notes.txt'), 'put there by someone');

    const again = await zine(['build', 'zine.md', '--formats', 'reading', '--out', 'out'], dir);
    expect(again.code, again.stderr).toBe(0);
    const after = await filesIn(join(dir, 'out', 'zine'));
    expect(after.filter((file) => !file.startsWith('fonts/') && !file.startsWith('thumbnails/'))).toEqual(['.zinepress', 'notes.txt', 'reading.pdf', 'zine.html']);
    expect(after.filter((file) => file.startsWith('thumbnails/') && !/^thumbnails\/reading-\d+\.png$/.test(file))).toEqual(['thumbnails/gallery.json']);

    const gallery = await readFile(join(dir, 'out', 'index.html'), 'utf8');
    expect([...new Set(gallery.match(/href="[^"]+\.pdf"/g))]).toEqual(['href="zine/reading.pdf"']);
  }, 180_000);
});
