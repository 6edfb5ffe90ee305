/**
 * The marker file `.zinepress` says a folder was made by `zine build`, and
 * lists the entries the build put there: the next build removes only what
 * that list names (and it made), never what someone else put beside it. The
 * marker is read without following a link and written by a rename, so a
 * planted link can neither be read through nor written through.
 */
import { constants } from 'node:fs';
import { lstat, open, readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { ContentError, FileError } from './errors.ts';
import { linkRefused, refuseLinksIn } from './no-follow.ts';

export const MARKER = '.zinepress';
const MARKER_TEXT = 'Made by zine build: the next build replaces the files in this folder.\n';
const LIST_HEADING = 'It made:';
/** A marker is a few hundred bytes; one far larger was not written by the build. */
const MARKER_LIMIT = 64 * 1024;

/** A plain name in a folder: no separator, not `.` or `..`, not empty. */
export function isPlainName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\\0]/.test(name);
}

/**
 * The entries the marker in `dir` lists: undefined when there is no marker,
 * [] for a marker of an earlier version (which listed nothing). A marker that
 * is a link or not a regular file is refused; `shown` is `dir` as the user named it.
 */
export async function readMarker(dir: string, shown: string = dir): Promise<string[] | undefined> {
  const path = join(dir, MARKER);
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(async (error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    if (code === 'ELOOP') throw await linkRefused(path, join(shown, MARKER));
    throw new FileError(join(shown, MARKER), 'read', error);
  });
  if (handle === undefined) return undefined;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MARKER_LIMIT) {
      throw new ContentError(`${join(shown, MARKER)} is not a marker zine build wrote (${info.isFile() ? 'too large' : 'not a regular file'}); the folder is left alone: move it away or choose another --out`);
    }
    const text = await handle.readFile('utf8');
    const [, list = ''] = text.split(`\n${LIST_HEADING}\n`);
    return list.split('\n').filter(isPlainName);
  } finally {
    await handle.close();
  }
}

/**
 * Writes the marker of `dir` listing `entries`: first into `scratchDir` (the
 * build's own staging folder, on the same disk), then renamed into place.
 * Errors are the system's, unwrapped: the caller names the folder.
 */
export async function writeMarker(dir: string, scratchDir: string, entries: readonly string[]): Promise<void> {
  const fresh = join(scratchDir, MARKER);
  const list = [...new Set(entries)].filter(isPlainName).sort();
  // A failure is the folder's: the caller names it.
  await writeFile(fresh, `${MARKER_TEXT}\n${LIST_HEADING}\n${list.join('\n')}\n`, { flag: 'wx' });
  await rename(fresh, join(dir, MARKER));
}

/**
 * An existing folder that is not empty and has no marker was not made by the
 * build: it is never written into. Nor is a folder that is a link, or holds
 * one anywhere: the build writes and removes only what is really in it.
 * `shown` is the folder as the user named it.
 */
export async function refuseForeignFolder(targetDir: string, shown: string = targetDir): Promise<void> {
  const found = await lstat(targetDir).catch(() => undefined);
  if (found === undefined) return;
  if (found.isSymbolicLink()) throw await linkRefused(targetDir, shown);
  if (!found.isDirectory()) {
    throw new ContentError(`${shown} is a file, not a folder made by zine build; move it away or choose another --out`);
  }
  const entries = await readdir(targetDir).catch((error: unknown) => {
    throw new FileError(shown, 'read the folder', error);
  });
  if (entries.length > 0 && (await readMarker(targetDir, shown)) === undefined) {
    throw new ContentError(
      `${shown} already exists and was not made by zine build (it has no ${MARKER} file); ` +
        'its files are left alone: move it away or choose another --out',
    );
  }
  await refuseLinksIn(targetDir, (path) => join(shown, relative(targetDir, path)));
}
