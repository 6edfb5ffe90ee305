import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Vitest's global setup: the tests that run the `zine` command run the
 * compiled bundle, so it is compiled from the sources under test first.
 */
export default function compile(): void {
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'scripts', 'setup', 'compile.mjs')], { stdio: 'inherit' });
}
