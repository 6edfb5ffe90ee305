/**
 * Reads an input whole, but only a regular file of bounded size: a named pipe
 * would wait for a writer for ever, `/dev/zero` never ends, and a file of
 * gigabytes would fill the memory. Each is refused, before it is read, with
 * what it is and the limit.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ContentError, FileError } from './errors.ts';
import { kindOfStats } from './no-follow.ts';

export interface ReadRegularOptions {
  path: string;
  /** Bytes the file may hold at most. */
  limit: number;
  /** What the file is to the user, for the message: "a markdown source". */
  what: string;
}

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toLocaleString('en-US', { maximumFractionDigits: 1 })} MB`;

function refuse(path: string, kind: string, size: number, { limit, what }: ReadRegularOptions): void {
  if (kind !== 'file') throw new ContentError(`${path} is a ${kind}, not a regular file; zine reads ${what} only from a file`);
  if (size > limit) throw new ContentError(`${path} is ${megabytes(size)}; ${what} may be at most ${megabytes(limit)}`);
}

export async function readRegularFile(options: ReadRegularOptions): Promise<Buffer> {
  const { path, limit } = options;
  // Looked at before it is opened: opening a named pipe would wait for a writer.
  const found = await stat(path).catch((error: unknown) => {
    throw new FileError(path, 'read', error);
  });
  refuse(path, kindOfStats(found), found.size, options);
  // Non-blocking, in case it became a pipe since; looked at again once open.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch((error: unknown) => {
    throw new FileError(path, 'read', error);
  });
  try {
    const opened = await handle.stat();
    refuse(path, kindOfStats(opened), opened.size, options);
    const bytes = Buffer.alloc(Math.min(opened.size, limit) + 1);
    let length = 0;
    while (length < bytes.length) {
      const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    // It grew past the limit while it was read.
    refuse(path, 'file', length, options);
    return bytes.subarray(0, length);
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw new FileError(path, 'read', error);
  } finally {
    await handle.close();
  }
}
