import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder, found by walking up to its package.json. The code runs
 * from two places, the TypeScript under scripts/ (tests, benchmarks) and the
 * compiled bundle dist/zine.cjs (the `zine` command), so paths to the project's
 * own files start here rather than at the module that needs them.
 */
function findProjectRoot(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot();

/** The print stylesheets. */
export const STYLES_DIR = join(PROJECT_ROOT, 'styles');

/** The folding diagrams of the README, also shown in the gallery. */
export const DIAGRAMS_DIR = join(PROJECT_ROOT, 'docs', 'printing');
