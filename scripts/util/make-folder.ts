import { lstat, mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/**
 * `mkdir -p`, with the system's real reason when it fails. Node's recursive
 * mkdir reports ENOENT ("no such file or folder") where a part of the path
 * could not be made, whatever the cause: on a read-only file system, that
 * hides EROFS. So, on ENOENT, the missing parts are made one by one, and the
 * first that fails gives its own error (EROFS, EACCES, ENOSPC …).
 */
export async function makeFolder(path: string): Promise<void> {
  try {
    await mkdir(path, { recursive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw (await partByPart(resolve(path))) ?? error;
  }
}

/** The error of the first missing part of `path` that cannot be made, if any. */
async function partByPart(path: string): Promise<unknown> {
  const missing: string[] = [];
  for (let at = path; ; at = dirname(at)) {
    if (await lstat(at).then(() => true, () => false)) break;
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const part of missing) {
    const failed = await mkdir(part).then(() => undefined, (error: unknown) => error);
    if (failed !== undefined && (failed as NodeJS.ErrnoException).code !== 'EEXIST') return failed;
  }
  return undefined;
}
