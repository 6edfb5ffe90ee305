// What dist/ is compiled from, as one line: every file under scripts/ and the
// package and TypeScript settings, each with its size and modification time,
// and the installed packages (npm rewrites node_modules/.package-lock.json at
// every install). scripts/setup/compile.mjs keeps it in dist/ and compiles
// again only when it changes.
import { createHash } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

const SETTINGS = ['package.json', 'package-lock.json', 'tsconfig.json', 'node_modules/.package-lock.json'];

/** The stamp of the inputs under `root` (the project's folder). */
export async function inputsStamp(root) {
  const entries = await readdir(join(root, 'scripts'), { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const lines = [];
  for (const path of [...files.sort(), ...SETTINGS.map((name) => join(root, name))]) {
    const info = await stat(path).catch(() => undefined);
    lines.push(`${relative(root, path)} ${info ? `${info.size} ${info.mtimeMs}` : 'missing'}`);
  }
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}
