import { basename, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { ContentError } from './errors.ts';

/** The folder a document's files go to: `<out>/<name>/`, the name being the file's without `.md`. */
export function outFolder(out: string, source: string): string {
  return join(out, basename(source, '.md'));
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

/** The build never writes over its own input: no source or image may be inside the folder it replaces. */
export function refuseInputsInside(target: string, source: string, inputs: readonly string[]): void {
  for (const input of [source, ...inputs]) {
    if (isInside(input, target)) {
      throw new ContentError(`--out would write ${target} over ${input}, which the build reads; choose another --out`);
    }
  }
}
