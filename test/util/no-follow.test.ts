/**
 * Links planted where the build writes: in the output folder, as the output
 * folder, as its marker, deep in its subfolders. Each is refused with a
 * message naming the link, and the file it points to is left byte for byte.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { MARKER, openStage } from '../../scripts/util/stage.ts';

let root: string;
let out: string;
let outside: string;
const sum = async (path: string) => createHash('sha256').update(await readFile(path)).digest('hex');

/** A folder the build made once: `out/essay/` with its marker and a PDF. */
async function built(): Promise<string> {
  const stage = await openStage(join(out, 'essay'));
  await mkdir(join(stage.dir, 'fonts'));
  await stage.write('fonts/a.woff2', 'font');
  await stage.write('reading.pdf', 'first');
  await stage.commit();
  return join(out, 'essay');
}

/** Commits a new build of `out/essay`, which must be refused naming `link`; nothing outside changes. */
async function expectRefused(link: string): Promise<void> {
  const before = await sum(join(outside, 'precious.txt'));
  const attempt = (async () => {
    const stage = await openStage(join(out, 'essay'));
    await stage.write('reading.pdf', 'second');
    await stage.commit({ removeOthers: true });
  })();
  await expect(attempt).rejects.toThrow(`${link} is a symbolic link`);
  expect(await sum(join(outside, 'precious.txt'))).toBe(before);
  expect(await readdir(outside)).toEqual(['precious.txt']);
  expect((await readdir(out)).filter((name) => name.startsWith('.zinepress-tmp-'))).toEqual([]);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'zine-links-'));
  out = join(root, 'out');
  outside = join(root, 'elsewhere');
  await mkdir(outside);
  await writeFile(join(outside, 'precious.txt'), 'the author’s');
});

describe('the build never writes through a link', () => {
  it('refuses an output folder that is a link', async () => {
    await mkdir(out);
    await symlink(outside, join(out, 'essay'));
    await expectRefused(join(out, 'essay'));
  });

  it('refuses a marker that is a link, and does not write through it', async () => {
    const target = await built();
    await rm(join(target, MARKER));
    await symlink(join(outside, 'precious.txt'), join(target, MARKER));
    await expectRefused(join(target, MARKER));
  });

  for (const place of ['reading.pdf', 'fonts', join('fonts', 'a.woff2'), 'thumbnails', 'images']) {
    it(`refuses a link planted as ${place}`, async () => {
      const target = await built();
      await rm(join(target, place), { recursive: true, force: true });
      await symlink(place.includes('.') ? join(outside, 'precious.txt') : outside, join(target, place));
      await expectRefused(join(target, place));
      expect(await readFile(join(target, 'reading.pdf'), 'utf8').catch(() => 'link')).not.toBe('second');
    });
  }

  it('writes through a linked --out itself, into the real folder, and nowhere else', async () => {
    await mkdir(join(root, 'real-out'));
    await symlink(join(root, 'real-out'), out);
    await built();
    expect((await readdir(join(root, 'real-out', 'essay'))).sort()).toEqual([MARKER, 'fonts', 'reading.pdf']);
    expect(existsSync(join(outside, MARKER))).toBe(false);
  });
});
