import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { ContentError, FileError } from './errors.ts';
import { makeFolder } from './make-folder.ts';
import { kindOf } from './no-follow.ts';

/**
 * Writes a file so that readers only ever see the old file or the whole new
 * one: the bytes go to a temporary file beside the target, which is then
 * renamed over it. On failure the temporary file is removed and the target is
 * left as it was. Only a regular file is ever replaced: a device (`/dev/null`),
 * a named pipe, a socket, a folder or a symbolic link in the way is refused,
 * and the temporary file is made new (never opened through a link planted under its name).
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const kind = await kindOf(path);
  if (kind !== undefined && kind !== 'file') {
    throw new ContentError(`cannot write ${path}: it is a ${kind}, not a regular file, and is left as it is; choose a file name`);
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await makeFolder(dirname(path));
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined); // the folder itself may be what failed
    throw new FileError(path, 'write', error);
  }
}
