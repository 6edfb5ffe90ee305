import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FileError } from './errors.ts';

/**
 * A staging folder for one document's outputs. Everything is written there
 * first; `commit` moves the files into the output folder only once the whole
 * document is done, so a failed build leaves earlier outputs as they were and
 * never a half-written file. The folder sits inside the output folder (same
 * file system, so the moves are renames) and is hidden by its leading dot.
 * Files whose names start with a dot are scratch: they are not moved.
 */
export interface Stage {
  dir: string;
  write(name: string, data: string | Uint8Array): Promise<string>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function openStage(targetDir: string): Promise<Stage> {
  const parent = join(targetDir, '..');
  await mkdir(parent, { recursive: true }).catch((error: unknown) => {
    throw new FileError(parent, 'create the folder', error);
  });
  const dir = await mkdtemp(join(parent, '.zinepress-tmp-'));

  return {
    dir,
    async write(name, data) {
      const path = join(dir, name);
      await writeFile(path, data).catch((error: unknown) => {
        throw new FileError(path, 'write', error);
      });
      return path;
    },
    async commit() {
      try {
        await mkdir(targetDir, { recursive: true });
        for (const entry of await readdir(dir)) {
          if (entry.startsWith('.')) continue; // scratch files stay behind and go with the folder
          const to = join(targetDir, entry);
          if ((await stat(join(dir, entry))).isDirectory()) await rm(to, { recursive: true, force: true });
          await rename(join(dir, entry), to);
        }
      } catch (error) {
        throw new FileError(targetDir, 'write into', error);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async discard() {
      await rm(dir, { recursive: true, force: true });
    },
  };
}
