/** The machine a bench ran on, as its report describes it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cores: number;
  cpu: string;
  /** Memory, in bytes. */
  memory: number;
  os: string;
  node: string;
  chromium: string;
  /** The browser's executable, which says which build of Chromium it is (full, or the headless shell). */
  browser: string;
  /** Load average over 1, 5 and 15 minutes when the bench started. */
  load: readonly number[];
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform}, kernel ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

/** Reads the machine now. */
export function readMachine(browser: string): Machine {
  let chromium = '?';
  try {
    // Debian's wrapper script may complain on stderr; the version is on stdout.
    chromium = execFileSync(browser, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // left unknown
  }
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model.trim() ?? '?',
    memory: totalmem(),
    os: osName(),
    node: process.version,
    chromium,
    browser,
    load: loadavg(),
  };
}

/** The machine as markdown list items. */
export function describeMachine(machine: Machine): string {
  return [
    `- ${machine.cores} cores, ${machine.cpu}, ${(machine.memory / 2 ** 30).toFixed(1)} GiB of memory`,
    `- ${machine.os}`,
    `- node ${machine.node}, ${machine.chromium} (${machine.browser})`,
    `- load average at the start: ${machine.load.map((value) => value.toFixed(2)).join(', ')} (1, 5, 15 minutes)`,
  ].join('\n');
}
