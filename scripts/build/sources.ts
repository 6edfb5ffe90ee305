/**
 * The sources a build reads: the files it was given, or every .md file of the
 * source folder, in order of name; refused before anything starts when they
 * cannot be built as asked.
 */
import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { BuildSettings } from '../config/build-options.ts';
import { FileError, UsageError } from '../util/errors.ts';
import { refuseSharedFolders } from '../util/out-folders.ts';

export async function buildSources(settings: BuildSettings): Promise<string[]> {
  if (settings.flipBook && settings.files.length !== 2) {
    throw new UsageError(`--flip-book takes two sources, the first read from the front cover, the second from the back: zine build a.md b.md --flip-book (given ${settings.files.length})`);
  }
  const sources = settings.files.length > 0 ? settings.files : await listSources(settings.sourceDir);
  refuseSharedFolders(sources, settings.out);
  return sources;
}

async function listSources(sourceDir: string): Promise<string[]> {
  const names = await readdir(sourceDir).catch((error: unknown) => {
    throw new FileError(sourceDir, 'read the folder', error);
  });
  return names.filter((name) => extname(name) === '.md').sort().map((name) => join(sourceDir, name));
}
