import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Staging folders are named `.zinepress-tmp-<pid>-<random>`. */
export const STAGE_PREFIX = '.zinepress-tmp-';

/** Whether a process with this id runs (EPERM: it runs, as another user). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const DAY = 24 * 60 * 60 * 1000;

async function olderThan(path: string, ms: number): Promise<boolean> {
  const info = await stat(path).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

/**
 * Removes the staging folders in `parent` left by builds that no longer run
 * (killed with `kill -9`, or a crash the process could not see). A folder
 * without a process id in its name (named so by earlier versions) is removed
 * once it is a day old: no build runs that long, every layout being bounded in time.
 * `prefix` (default STAGE_PREFIX) names the kind of folder: the browser's
 * profiles and the preview's folders, in the system's temporary folder, are
 * named and removed the same way. A link of that name is removed itself, never followed.
 */
export async function removeStaleStages(parent: string, prefix: string = STAGE_PREFIX): Promise<string[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)-/.exec(name.slice(prefix.length))?.[1];
    if (pid === undefined ? !(await olderThan(join(parent, name), DAY)) : Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await rm(join(parent, name), { recursive: true, force: true }).catch(() => undefined);
    removed.push(name);
  }
  return removed;
}
