/**
 * A folder that cannot be made says why: on a read-only file system, EROFS
 * ("the file system is read-only"), never Node's ENOENT ("no such file").
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFolder } from '../../scripts/util/make-folder.ts';
import { zine } from '../helpers/zine.ts';

let dir: string;
let readOnly: string | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-make-folder-'));
  if (process.getuid?.() !== 0) return;
  readOnly = join(dir, 'ro');
  execFileSync('mkdir', [readOnly]);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro', 'tmpfs', readOnly], { stdio: 'ignore' });
  } catch {
    readOnly = undefined; // no right to mount here
  }
});

afterAll(() => {
  if (readOnly !== undefined) execFileSync('umount', [readOnly]);
});

describe('makeFolder', () => {
  it('makes every missing part', async () => {
    await makeFolder(join(dir, 'a', 'b', 'c'));
    await expect(makeFolder(join(dir, 'a', 'b', 'c'))).resolves.toBeUndefined();
  });

  it('gives ENOTDIR where a part is a file', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(makeFolder(join(dir, 'file', 'x'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('gives EROFS on a read-only file system', async (context) => {
    if (readOnly === undefined) return context.skip();
    await expect(makeFolder(join(readOnly, 'out', 'x'))).rejects.toMatchObject({ code: 'EROFS' });
  });
});

describe('a build into a read-only file system', () => {
  it('names the read-only file system', async (context) => {
    if (readOnly === undefined) return context.skip();
    await writeFile(join(dir, 'ok.md'), '---\ntitle: T\n---\n\nHello.\n');
    const result = await zine(['build', 'ok.md', '--out', join(readOnly, 'out'), '--formats', 'web'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(`zine: cannot create the folder ${join(readOnly, 'out')}: the file system is read-only`);
  }, 30_000);
});
