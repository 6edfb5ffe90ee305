/**
 * An image is read once, into memory, and only those bytes are checked,
 * cleaned and published: no later stage opens its path again, so a file
 * swapped after the check is never what is printed. The file read is also
 * the one its path leads to inside the essay's folder: opened first, then
 * where the opened file lies taken from the open file itself (Linux's
 * /proc/self/fd; elsewhere its path resolved again), and that place compared
 * by device and inode without following a link, so a path switched between a
 * file and a link to one outside, at any moment, is caught.
 */
import { constants } from 'node:fs';
import { lstat, open, readlink, realpath } from 'node:fs/promises';
import { sep } from 'node:path';

export interface ReadOnceOptions {
  /** The essay's folder with its links resolved; the image must be inside. */
  realFolder: string;
  /** Largest file read. Default: 50 MB. */
  maxBytes?: number;
  /** For tests: runs once the file is open, before where it lies is found. Default: nothing. */
  afterOpen?: () => Promise<void>;
}

export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;

/** The bytes of the image at `path`, or what is wrong (said to follow "image `x` "). */
export async function readImageOnce(path: string, options: ReadOnceOptions): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const { realFolder, maxBytes = MAX_IMAGE_BYTES, afterOpen } = options;
  // Not blocking: a FIFO put where an image should be is refused rather than waited on.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (!handle) return { problem: 'cannot be opened' };
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { problem: 'is not a file' };
    if (opened.size === 0) return { problem: 'is an empty file' };
    if (opened.size > maxBytes) {
      return { problem: `is ${(opened.size / 1024 / 1024).toFixed(0)} MB, more than the ${maxBytes / 1024 / 1024} MB an image may be` };
    }
    await afterOpen?.();
    const real = (await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined)) ?? (await realpath(path).catch(() => undefined));
    if (real === undefined || (real !== realFolder && !real.startsWith(realFolder + sep))) {
      return { problem: 'links to a file outside the essay’s folder; images must be inside it' };
    }
    // lstat: a link put at that place since is not the file opened.
    const there = await lstat(real).catch(() => undefined);
    if (!there || there.ino !== opened.ino || there.dev !== opened.dev) {
      return { problem: 'changed while it was being read; build again once it is saved' };
    }
    const bytes = new Uint8Array(opened.size);
    for (let at = 0; at < bytes.length; ) {
      const { bytesRead } = await handle.read(bytes, at, bytes.length - at, at);
      if (bytesRead === 0) return { problem: 'changed while it was being read; build again once it is saved' };
      at += bytesRead;
    }
    return { bytes };
  } finally {
    await handle.close();
  }
}
