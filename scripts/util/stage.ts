import { lstat, mkdir, mkdtemp, readdir, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { holdingStops, noteWritten, onExit } from './exit.ts';
import { ContentError, FileError, ZineError } from './errors.ts';
import { isPlainName, MARKER, readMarker, refuseForeignFolder, writeMarker } from './marker.ts';
import { makeFolder } from './make-folder.ts';
import { refuseLinksIn } from './no-follow.ts';
import { removeStaleStages, STAGE_PREFIX } from './stale-stages.ts';

/**
 * A staging folder for one document's outputs. Everything is written there
 * first; `commit` moves the files into the output folder only once the whole
 * document is done, so a failed build leaves earlier outputs as they were and
 * never a half-written file. The folder sits inside the output folder (same
 * file system, so the moves are renames) and is hidden by its leading dot; its
 * name carries the process id, so that a later build can tell a stage left by
 * a killed process and remove it. Files whose names start with a dot are
 * scratch: they are not moved.
 *
 * The build only ever writes into a folder it made: `commit` leaves a marker
 * file there, and a folder that exists without one (the author's) is refused.
 */
export interface Stage {
  dir: string;
  write(name: string, data: string | Uint8Array): Promise<string>;
  /**
   * Moves the made files into place. `removeOthers` (default false) also
   * removes what the previous build made there (its marker lists it) and
   * this one did not, other formats' PDFs and HTML, the fonts and the
   * gallery's part aside; whatever else is in the folder stays.
   */
  commit(options?: { removeOthers?: boolean }): Promise<void>;
  discard(): Promise<void>;
}

export { MARKER, refuseForeignFolder } from './marker.ts';

export async function openStage(targetDir: string): Promise<Stage> {
  const name = basename(targetDir);
  if (!isPlainName(name)) throw new ContentError(`${targetDir} cannot be an output folder: its name must be a plain file name`);
  const parent = dirname(targetDir);
  await makeFolder(parent).catch((error: unknown) => {
    throw new FileError(parent, 'create the folder', error);
  });
  // Every path below is resolved once, here: the real output folder and the user's name for it.
  const real = join(await realpath(parent).catch((error: unknown) => {
    throw new FileError(parent, 'open the folder', error);
  }), name);
  const shown = (path: string) => join(targetDir, relative(real, path));
  await refuseForeignFolder(real, targetDir);
  await removeStaleStages(dirname(real));
  const dir = await mkdtemp(join(dirname(real), `${STAGE_PREFIX}${process.pid}-`)).catch((error: unknown) => {
    throw new FileError(parent, 'write into', error);
  });
  const forget = onExit(dir);

  return {
    dir,
    async write(name, data) {
      const path = join(dir, name);
      await writeFile(path, data).catch((error: unknown) => {
        throw new FileError(path, 'write', error);
      });
      return path;
    },
    async commit(options = {}) {
      try {
        await refuseForeignFolder(real, targetDir);
        // Links in the staging folder are never moved into place (the build makes none).
        await refuseLinksIn(dir);
        await mkdir(real).catch((error: unknown) => {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        });
        const previous = (await readMarker(real, targetDir)) ?? [];
        // Scratch files (a leading dot) stay behind and go with the folder.
        const made = (await readdir(dir)).filter((entry) => !entry.startsWith('.'));
        // Marked before anything moves in, so that a build killed halfway leaves a folder the next one may replace.
        await writeMarker(real, dir, [...previous, ...made]);
        // A stop waits for the moves (a few renames), so the folder is never half this build's.
        await holdingStops(async () => {
          await swapIn(dir, real, made);
          noteWritten(targetDir);
        });
        if (options.removeOthers === true) {
          const removed = await removeUnmade(real, made, previous);
          if (removed.length > 0) await writeMarker(real, dir, [...previous, ...made].filter((entry) => !removed.includes(entry)));
        }
      } catch (error) {
        if (error instanceof ZineError) throw error;
        throw new FileError(shown(real), 'write into', error);
      } finally {
        await rm(dir, { recursive: true, force: true });
        forget();
      }
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
      forget();
    },
  };
}

/**
 * Moves each made entry into the target, the one it replaces first set aside
 * in the stage. If any move fails, every move made so far is undone, so the
 * earlier outputs stay whole.
 */
async function swapIn(stageDir: string, targetDir: string, entries: readonly string[]): Promise<void> {
  const done: { to: string; aside: string | undefined; placed: boolean }[] = [];
  try {
    for (const entry of entries) {
      const to = inside(targetDir, entry);
      const aside = join(stageDir, `.replaced-${entry}`);
      // lstat: a link in the way is moved aside itself, never followed.
      const exists = await lstat(to).then(
        () => true,
        () => false,
      );
      if (exists) await rename(to, aside);
      const move = { to, aside: exists ? aside : undefined, placed: false };
      done.push(move);
      await rename(join(stageDir, entry), to);
      move.placed = true;
    }
  } catch (error) {
    for (const { to, aside, placed } of done.reverse()) {
      if (placed) await rm(to, { recursive: true, force: true }).catch(() => undefined);
      if (aside !== undefined) await rename(aside, to).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * What an earlier build left that this one did not make goes, so the folder
 * holds only what the last build made: the PDFs, HTML, web edition and fonts
 * of formats not made this time (after `--formats reading`, no old booklet is
 * left to print), images the document no longer uses. The thumbnails stay:
 * the gallery replaces them after the document, with its manifest of what the
 * build made.
 */
const KEPT = new Set([MARKER, 'thumbnails']);

/** The path of `entry` in `dir`, checked to be a plain name, so that it cannot lie outside. */
function inside(dir: string, entry: string): string {
  if (!isPlainName(entry)) throw new Error(`not a plain file name: ${entry}`);
  return join(dir, entry);
}

/** Removes what the previous build listed in its marker and this one did not make; returns what it removed. */
async function removeUnmade(targetDir: string, made: readonly string[], previous: readonly string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of previous) {
    if (made.includes(entry) || KEPT.has(entry)) continue;
    // rm does not follow links: a link is removed itself, a folder's links with it.
    await rm(inside(targetDir, entry), { recursive: true, force: true });
    removed.push(entry);
  }
  return removed;
}
