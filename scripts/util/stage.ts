import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { onExit } from './exit.ts';
import { ContentError, FileError } from './errors.ts';
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
   * removes what an earlier build left there that this one did not make,
   * other formats' PDFs and HTML, the fonts and the gallery's part aside.
   */
  commit(options?: { removeOthers?: boolean }): Promise<void>;
  discard(): Promise<void>;
}

/** The file that marks a folder as made by `zine build`. */
export const MARKER = '.zinepress';
const MARKER_TEXT = 'Made by zine build: the next build replaces the files in this folder.\n';

export async function openStage(targetDir: string): Promise<Stage> {
  await refuseForeignFolder(targetDir);
  const parent = join(targetDir, '..');
  await mkdir(parent, { recursive: true }).catch((error: unknown) => {
    throw new FileError(parent, 'create the folder', error);
  });
  await removeStaleStages(parent);
  const dir = await mkdtemp(join(parent, `${STAGE_PREFIX}${process.pid}-`)).catch((error: unknown) => {
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
        await refuseForeignFolder(targetDir);
        await mkdir(targetDir, { recursive: true });
        await writeFile(join(targetDir, MARKER), MARKER_TEXT);
        // Scratch files (a leading dot) stay behind and go with the folder.
        const made = (await readdir(dir)).filter((entry) => !entry.startsWith('.'));
        await swapIn(dir, targetDir, made);
        if (options.removeOthers === true) await removeUnmade(targetDir, made);
      } catch (error) {
        if (error instanceof ContentError) throw error;
        throw new FileError(targetDir, 'write into', error);
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
      const to = join(targetDir, entry);
      const aside = join(stageDir, `.replaced-${entry}`);
      const exists = await stat(to).then(
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
 * What an earlier build left that this one did not make goes: images the
 * document no longer uses, for instance. The PDFs and HTML of formats not
 * made this time stay (`--formats reading` keeps the booklet), the web edition,
 * the fonts, and the thumbnails, which the gallery makes after the document.
 */
const KEPT = new Set([MARKER, 'fonts', 'thumbnails', 'web']);

async function removeUnmade(targetDir: string, made: readonly string[]): Promise<void> {
  for (const entry of await readdir(targetDir)) {
    if (made.includes(entry) || KEPT.has(entry) || /\.(pdf|html)$/.test(entry)) continue;
    await rm(join(targetDir, entry), { recursive: true, force: true });
  }
}

/** An existing folder that is not empty and has no marker was not made by the build: it is never written into. */
export async function refuseForeignFolder(targetDir: string): Promise<void> {
  const found = await stat(targetDir).catch(() => undefined);
  if (found === undefined) return;
  if (!found.isDirectory()) {
    throw new ContentError(`${targetDir} is a file, not a folder made by zine build; move it away or choose another --out`);
  }
  const entries = await readdir(targetDir).catch((error: unknown) => {
    throw new FileError(targetDir, 'read the folder', error);
  });
  if (entries.length > 0 && !entries.includes(MARKER)) {
    throw new ContentError(
      `${targetDir} already exists and was not made by zine build (it has no ${MARKER} file); ` +
        'its files are left alone: move it away or choose another --out',
    );
  }
}
