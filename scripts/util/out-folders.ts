import { realpath } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { ContentError } from './errors.ts';
import { kindOf, linkRefused } from './no-follow.ts';

/**
 * A document's name: its file's without `.md`, which names its output folder.
 * It must be a plain name that is not hidden: `..md` would name `..`, the
 * folder above the output, and `.x.md` a hidden one, like the build's own.
 */
export function documentName(source: string): string {
  const name = basename(source, '.md');
  if (name === '' || name.startsWith('.')) {
    throw new ContentError(`${source}: a document's name (its file's, without .md) names its output folder, so it must not start with a dot; rename the file, e.g. to essay.md`);
  }
  return name;
}

/** The folder a document's files go to: `<out>/<name>/`, the name being the file's without `.md`. */
export function outFolder(out: string, source: string): string {
  return join(out, documentName(source));
}

/** Whether `path` is `folder` or inside it. */
export function isInside(path: string, folder: string): boolean {
  const rel = relative(resolve(folder), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Two documents whose files would land in the same folder (`a/e.md` and
 * `b/e.md`) would overwrite each other: the build refuses, naming both.
 * Names are compared without case too, as a case-blind disk would.
 */
export function refuseSharedFolders(sources: readonly string[], out: string): void {
  const seen = new Map<string, string>();
  for (const source of sources) {
    const folder = resolve(outFolder(out, source)).toLowerCase();
    const other = seen.get(folder);
    if (other !== undefined && resolve(other) === resolve(source)) {
      throw new ContentError(`${source} is named twice; build it once`);
    }
    if (other !== undefined) {
      throw new ContentError(
        `${other} and ${source} would both be written to ${outFolder(out, source)}; rename one of them or build them apart`,
      );
    }
    seen.set(folder, source);
  }
}

/** `path` with every link in it resolved; as much of it as exists, the rest as written. */
export async function resolvedPath(path: string): Promise<string> {
  const found = await realpath(path).catch(() => undefined);
  if (found !== undefined) return found;
  const parent = dirname(resolve(path));
  return parent === resolve(path) ? parent : join(await resolvedPath(parent), basename(path));
}

/**
 * The build never writes over its own input: no source or image may be inside
 * the folder it replaces, compared by their real paths (a link to the output
 * folder, or from it, hides nothing).
 */
export async function refuseInputsInside(target: string, source: string, inputs: readonly string[]): Promise<void> {
  // A link is never an output folder: say so first, whatever it points at.
  if ((await kindOf(target)) === 'symbolic link') throw await linkRefused(target);
  const real = await resolvedPath(target);
  for (const input of [source, ...inputs]) {
    if (isInside(input, target) || isInside(await resolvedPath(input), real)) {
      throw new ContentError(`--out would write ${target} over ${input}, which the build reads; choose another --out`);
    }
  }
}
