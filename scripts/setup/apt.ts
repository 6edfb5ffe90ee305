/**
 * Debian's packages, installed by the install step as root (`npm install`
 * runs it: scripts/setup/ensure-browser.ts). apt-get's own lines (debconf's
 * note that apt-utils is missing, say) are shown only when it fails:
 * execFileSync's error carries them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether apt-get can install here: Linux, as root, with apt-get. */
export function isDebianRoot(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** Installs Debian's `packages`, updating the lists once if the first try fails; throws with apt's output when it cannot. */
export function aptInstall(packages: readonly string[]): void {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const run = (args: string[]): void => {
    execFileSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  };
  const install = ['install', '-y', '-q', '--no-install-recommends', ...packages];
  try {
    run(install);
  } catch {
    run(['update', '-q']);
    run(install);
  }
}
