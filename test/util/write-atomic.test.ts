/**
 * The atomic write replaces only a regular file: whatever else stands at the
 * target (a device, a named pipe, a socket, a folder, a link) is refused with
 * a message naming it, and left as it was.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../scripts/util/write-atomic.ts';

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic', () => {
  it('replaces a regular file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-atomic-'));
    await writeFile(join(dir, 'a.pdf'), 'old');
    await writeFileAtomic(join(dir, 'a.pdf'), 'new');
    expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['a.pdf']);
  });

  it.runIf(isRoot)('refuses a device node and leaves it a device', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-atomic-'));
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']); // the same device as /dev/null
    await expect(writeFileAtomic(device, 'x')).rejects.toThrow(`cannot write ${device}: it is a device, not a regular file`);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(await readdir(dir)).toEqual(['null']);
  });

  it('refuses a named pipe, a socket, a folder and a link', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-atomic-'));
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(join(dir, 'socket'), resolve));
    await mkdir(join(dir, 'folder'));
    await writeFile(join(dir, 'elsewhere.txt'), 'kept');
    await symlink('elsewhere.txt', join(dir, 'link'));
    try {
      for (const [name, kind] of [['fifo', 'named pipe (FIFO)'], ['socket', 'socket'], ['folder', 'folder'], ['link', 'symbolic link']]) {
        await expect(writeFileAtomic(join(dir, name as string), 'x'), name).rejects.toThrow(`it is a ${kind}, not a regular file`);
      }
    } finally {
      server.close();
    }
    expect(lstatSync(join(dir, 'fifo')).isFIFO()).toBe(true);
    expect(lstatSync(join(dir, 'link')).isSymbolicLink()).toBe(true);
    expect(await readFile(join(dir, 'elsewhere.txt'), 'utf8')).toBe('kept');
    expect((await readdir(dir)).sort()).toEqual(['elsewhere.txt', 'fifo', 'folder', 'link']); // the socket goes with its server
  });
});
