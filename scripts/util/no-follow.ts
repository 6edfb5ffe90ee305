/**
 * The build never writes, replaces or removes through a symbolic link: an
 * output folder may be shared or synced, and a link planted in it would point
 * the build's writes (or its removal of old files) at anything the user owns.
 * These helpers look at links without following them.
 */
import type { Stats } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ContentError, FileError } from './errors.ts';

/** The first symbolic link found in `dir` or below it (links are not followed), or undefined. */
export async function findLink(dir: string): Promise<string | undefined> {
  const folders = [dir];
  for (let folder = folders.pop(); folder !== undefined; folder = folders.pop()) {
    const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
      throw new FileError(folder as string, 'read the folder', error);
    });
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isSymbolicLink()) return path;
      if (entry.isDirectory()) folders.push(path);
    }
  }
  return undefined;
}

/** The message for a link found where the build writes: it names the link and where it points. */
export async function linkRefused(link: string, shown: string = link): Promise<ContentError> {
  const to = await readlink(link).catch(() => '?');
  return new ContentError(
    `${shown} is a symbolic link (to ${to}); zine build never writes, replaces or removes anything through a link: ` +
      'remove the link or choose another --out',
  );
}

/** Refuses `dir` if it holds a link anywhere below it; `shown` maps a real path to the one the user gave. */
export async function refuseLinksIn(dir: string, shown: (path: string) => string = (path) => path): Promise<void> {
  const link = await findLink(dir);
  if (link !== undefined) throw await linkRefused(link, shown(link));
}

/** What `path` is, without following a link: undefined when nothing is there. */
export async function kindOf(path: string): Promise<string | undefined> {
  const found = await lstat(path).catch(() => undefined);
  return found === undefined ? undefined : kindOfStats(found);
}

/** What a file is, in words: 'file' for a regular one. */
export function kindOfStats(found: Stats): string {
  if (found.isFile()) return 'file';
  if (found.isDirectory()) return 'folder';
  if (found.isSymbolicLink()) return 'symbolic link';
  if (found.isFIFO()) return 'named pipe (FIFO)';
  if (found.isSocket()) return 'socket';
  if (found.isCharacterDevice() || found.isBlockDevice()) return 'device';
  return 'special file';
}
