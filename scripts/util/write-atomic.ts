import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { FileError } from './errors.ts';

/**
 * Writes a file so that readers only ever see the old file or the whole new
 * one: the bytes go to a temporary file beside the target, which is then
 * renamed over it. On failure the temporary file is removed and the target is
 * left as it was.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined); // the folder itself may be what failed
    throw new FileError(path, 'write', error);
  }
}
