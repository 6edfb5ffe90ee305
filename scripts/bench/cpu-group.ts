/**
 * The CPU time of a process and of every process it starts, read from a
 * control group of its own (Linux). Summing /proc at intervals misses the
 * short-lived processes and the last moments of each, and a parent's
 * rusage misses Chromium's renderers, which are not waited for by the
 * browser's own parent: measured on a reading build of the essay, rusage gave
 * 1.24 s where the group gave 2.18 s. Both kinds of group are tried: cgroup v1's
 * cpuacct (nanoseconds in cpuacct.usage) and cgroup v2 (microseconds in
 * cpu.stat). Without either, or without the right to make a group, the CPU
 * time is not measured and the bench says so.
 */
import { existsSync, mkdirSync, readFileSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Invocation } from './measure.ts';

/** Where a kind of control group keeps its files, and how it reads its CPU time in seconds. */
interface GroupKind {
  root: string;
  seconds(dir: string): number;
}

const KINDS: GroupKind[] = [
  { root: '/sys/fs/cgroup/cpuacct', seconds: (dir) => Number(readFileSync(join(dir, 'cpuacct.usage'), 'utf8')) / 1e9 },
  ...['/sys/fs/cgroup/unified', '/sys/fs/cgroup'].map((root) => ({
    root,
    seconds: (dir: string) => Number(/usage_usec (\d+)/.exec(readFileSync(join(dir, 'cpu.stat'), 'utf8'))?.[1] ?? NaN) / 1e6,
  })),
];

/** Seconds of CPU the processes of the group in `dir` have used so far, of either kind; NaN when it cannot be read. */
export function groupSeconds(dir: string): number {
  for (const kind of KINDS) {
    if (!dir.startsWith(`${kind.root}/`)) continue;
    try {
      return kind.seconds(dir);
    } catch {
      return NaN;
    }
  }
  return NaN;
}

/** A group made for one run: the invocation that starts in it, and its CPU time once the run is over. */
export interface CpuGroup {
  /** The group's folder (groupSeconds reads it while the run goes on). */
  dir: string;
  /** The same command, started by a shell that first moves itself into the group. */
  invocation: Invocation;
  /** Seconds of CPU the group's processes used; NaN when the group could not be read. */
  seconds(): number;
  /** Removes the group (once its processes have ended). */
  remove(): void;
}

/** A group named `name` for `invocation`, or undefined when this machine lets none be made. */
export function cpuGroup(name: string, invocation: Invocation): CpuGroup | undefined {
  for (const kind of KINDS) {
    if (!existsSync(join(kind.root, 'cgroup.procs'))) continue;
    const dir = join(kind.root, name);
    try {
      mkdirSync(dir);
    } catch {
      continue; // no right to make a group here: try the next kind
    }
    const procs = join(dir, 'cgroup.procs');
    return {
      dir,
      // The shell writes its own pid into the group, then becomes the command, which its children inherit.
      invocation: { ...invocation, command: '/bin/sh', args: ['-c', 'echo $$ > "$0" && exec "$@"', procs, invocation.command, ...invocation.args] },
      seconds: () => {
        try {
          return kind.seconds(dir);
        } catch {
          return NaN;
        }
      },
      remove: () => {
        try {
          rmdirSync(dir);
        } catch {
          // a process of the run still in it: the group stays until the machine restarts, empty once it ends
        }
      },
    };
  }
  return undefined;
}
