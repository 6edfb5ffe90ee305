/**
 * The temporary folder (TMPDIR) the browser works in: its profile, and, with
 * puppeteer's --disable-dev-shm-usage, the shared memory its processes hand
 * pages over in. A folder the browser cannot write does not make it fail: it
 * waits for ever, and the build would end only at the three-minute answer
 * limit. So the folder is checked before the browser starts, and a folder
 * that cannot be used is named with the cause, in one line.
 *
 * Root's right to write anywhere does not count: the browser's processes do
 * not use it (a mode-555 TMPDIR, or one owned by another user without write
 * permission for others, hangs the browser even as root), so the mode bits
 * are read as they apply to the user.
 */
import { mkdtemp, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemReason, ZineError } from '../util/errors.ts';

export interface TempFolderOptions {
  /** The folder to check. Default: os.tmpdir() (TMPDIR, or /tmp). */
  dir?: string;
  /** Bytes that must be free there. Default: 32 MB. */
  free?: number;
}

const MB = 1024 * 1024;
const PROBE_BYTES = 64 * 1024;

/** What is wrong with the folder: the system's code for it and the reason in words. */
interface Trouble {
  code: string;
  reason: string;
  cause?: unknown;
}

const uidOf = (): number | undefined => process.getuid?.();

/** Whether the mode bits let this user write into a folder of this owner and group (root's right left out). */
function modeLetsWrite(info: { mode: number; uid: number; gid: number }): boolean {
  const uid = uidOf();
  if (uid === undefined) return true;
  if (info.uid === uid) return (info.mode & 0o200) !== 0;
  const groups = new Set([process.getgid?.(), ...(process.getgroups?.() ?? [])]);
  if (groups.has(info.gid)) return (info.mode & 0o020) !== 0;
  return (info.mode & 0o002) !== 0;
}

/** The folder's trouble, as a system error, or undefined when the browser can work there. */
async function trouble(dir: string, free: number): Promise<Trouble | undefined> {
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) return { code: 'ENOTDIR', reason: 'it is not a folder' };
    if (!modeLetsWrite(info)) {
      const mode = (info.mode & 0o777).toString(8);
      return { code: 'EACCES', reason: `its mode is ${mode} (owner uid ${info.uid}): the browser cannot write there${uidOf() === 0 ? ', even as root' : ''}` };
    }
    const space = await statfs(dir);
    const available = space.bavail * space.bsize;
    if (available < free) return { code: 'ENOSPC', reason: `the disk is full: ${(available / MB).toFixed(1)} MB free, the browser needs ${Math.round(free / MB)} MB` };
    const probe = await mkdtemp(join(dir, 'zinepress-probe-'));
    try {
      await writeFile(join(probe, 'probe'), Buffer.alloc(PROBE_BYTES));
    } finally {
      await rm(probe, { recursive: true, force: true });
    }
    return undefined;
  } catch (error) {
    return { code: (error as NodeJS.ErrnoException).code ?? 'EIO', reason: systemReason(error), cause: error };
  }
}

/** Throws a ZineError (exit 1) naming TMPDIR and the cause when the browser cannot work in the temporary folder. */
export async function checkTempFolder(options: TempFolderOptions = {}): Promise<void> {
  const dir = options.dir ?? tmpdir();
  const found = await trouble(dir, options.free ?? 32 * MB);
  if (found === undefined) return;
  const named = process.env['TMPDIR'] ? `TMPDIR=${dir}` : `${dir} (TMPDIR is not set)`;
  throw new ZineError(`the temporary folder ${named} cannot be used by the browser: ${found.reason} (${found.code}); point TMPDIR at a writable folder with free space`, {
    cause: found.cause ?? Object.assign(new Error(`${found.code}: ${found.reason}`), { code: found.code, path: dir }),
  });
}
