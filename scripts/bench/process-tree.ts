/**
 * A process and everything it started, read from /proc (Linux): which
 * processes belong to the tree, and how much memory they hold together.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** One line of /proc/<pid>/stat, the fields a tree's memory needs. */
export interface ProcStat {
  pid: number;
  ppid: number;
  /** Resident set size, in pages. */
  rssPages: number;
}

/**
 * Parses /proc/<pid>/stat. The command name (field 2) sits in parentheses and
 * may hold spaces or parentheses itself, so fields are counted after the last
 * closing parenthesis: state is field 3, ppid field 4, rss field 24.
 */
export function parseStat(line: string): ProcStat | undefined {
  const close = line.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(line, 10);
  const rest = line.slice(close + 2).split(' ');
  const [state, ppid] = rest;
  if (state === 'Z' || ppid === undefined) return undefined; // a zombie holds no memory
  return { pid, ppid: Number(ppid), rssPages: Number(rest[21] ?? 0) };
}

/** `root` and every process descending from it, found through the parent ids. */
export function descendants(stats: readonly ProcStat[], root: number): ProcStat[] {
  const byParent = new Map<number, ProcStat[]>();
  for (const stat of stats) byParent.set(stat.ppid, [...(byParent.get(stat.ppid) ?? []), stat]);
  const tree = stats.filter((stat) => stat.pid === root);
  for (let i = 0; i < tree.length; i += 1) tree.push(...(byParent.get(tree[i]?.pid ?? -1) ?? []));
  return tree;
}

/** Every live process now. A process that ends while it is read is left out. */
export function readStats(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = parseStat(readFileSync(`/proc/${name}/stat`, 'utf8'));
      if (stat !== undefined) stats.push(stat);
    } catch {
      // it ended between the listing and the read
    }
  }
  return stats;
}

/** The stat of each of these processes that still runs. */
export function readStatsOf(pids: readonly number[]): ProcStat[] {
  return pids.flatMap((pid) => {
    try {
      return [parseStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))].filter((stat) => stat !== undefined);
    } catch {
      return []; // it has ended
    }
  });
}

export interface TreeSamplerOptions {
  /** Bytes in a memory page. */
  pageSize: number;
  /** Every how many samples all of /proc is read again to find new processes. Default 5. */
  rescanEvery?: number;
}

/**
 * A function that returns the tree's resident memory now, summed over its
 * processes, in bytes, and its process ids. Reading every process of the
 * machine costs a few milliseconds of a core that the measured tree would
 * use, so the tree is looked for anew only every `rescanEvery` samples; in
 * between, only its known processes are read.
 */
export function treeSampler(root: number, options: TreeSamplerOptions): () => { bytes: number; pids: number[] } {
  const { pageSize, rescanEvery = 5 } = options;
  let known = [root];
  let count = 0;
  return () => {
    const tree = count % rescanEvery === 0 ? descendants(readStats(), root) : readStatsOf(known);
    count += 1;
    if (tree.length > 0) known = tree.map((stat) => stat.pid);
    return { bytes: tree.reduce((sum, stat) => sum + stat.rssPages * pageSize, 0), pids: known };
  };
}
