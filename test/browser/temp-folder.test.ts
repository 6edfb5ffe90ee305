/**
 * A temporary folder the browser cannot work in (mode 555 as root, full,
 * read-only, missing) is found before the browser starts and said in one line
 * naming TMPDIR and the cause; a build there ends at once with exit 1 instead
 * of waiting for the browser's three-minute answer limit.
 */
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTempFolder } from '../../scripts/browser/temp-folder.ts';
import { zine } from '../helpers/zine.ts';

let dir: string;
const mounted: string[] = [];

/** A tmpfs mounted at a new folder with `options`, or undefined where mounting is not allowed. */
function tmpfs(name: string, options: string): string | undefined {
  const at = join(dir, name);
  execFileSync('mkdir', ['-p', at]);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'ignore' });
  } catch {
    return undefined;
  }
  mounted.push(at);
  return at;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-tmpdir-'));
});

afterAll(() => {
  for (const at of mounted) execFileSync('umount', [at]);
});

describe('checkTempFolder', () => {
  it('lets a writable folder with room pass', async () => {
    await expect(checkTempFolder({ dir })).resolves.toBeUndefined();
  });

  it('names a mode-555 folder, even as root', async () => {
    const locked = join(dir, 'locked');
    await mkdir(locked);
    await chmod(locked, 0o555);
    await expect(checkTempFolder({ dir: locked })).rejects.toThrow(/^the temporary folder .*locked.* cannot be used by the browser: its mode is 555 \(owner uid \d+\): the browser cannot write there.* \(EACCES\); point TMPDIR at a writable folder with free space$/);
  });

  it('names a file that is not a folder, and a folder that does not exist', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(checkTempFolder({ dir: join(dir, 'file') })).rejects.toThrow('it is not a folder (ENOTDIR)');
    await expect(checkTempFolder({ dir: join(dir, 'missing') })).rejects.toThrow('no such file or folder (ENOENT)');
  });

  it.runIf(process.getuid?.() === 0)('names a full folder and a read-only one', async (context) => {
    const full = tmpfs('full', 'size=256k');
    const readOnly = tmpfs('ro', 'ro');
    if (full === undefined || readOnly === undefined) return context.skip();
    // Filled to the last block (the write stops there with ENOSPC).
    await writeFile(join(full, 'fill'), Buffer.alloc(300 * 1024)).catch(() => undefined);
    await expect(checkTempFolder({ dir: full })).rejects.toThrow(/the disk is full: 0\.0 MB free, the browser needs 32 MB \(ENOSPC\)/);
    await expect(checkTempFolder({ dir: readOnly })).rejects.toThrow('cannot be used by the browser: the file system is read-only (EROFS)');
  });
});

describe('a build with a TMPDIR the browser cannot use', () => {
  it('ends at once with exit 1 and one line naming TMPDIR', async () => {
    const locked = join(dir, 'locked-build');
    await mkdir(locked);
    await chmod(locked, 0o555);
    await writeFile(join(dir, 'ok.md'), '---\ntitle: T\n---\n\nHello.\n');
    const started = Date.now();
    const result = await zine(['build', 'ok.md', '--out', 'out', '--formats', 'reading'], dir, { ...process.env, TMPDIR: locked });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^zine: the temporary folder TMPDIR=${locked} cannot be used by the browser: its mode is 555 .*\\(EACCES\\)`));
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);
});
