import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { descendants, parseStat, readStats, type ProcStat } from '../../scripts/bench/process-tree.ts';

/** A /proc/<pid>/stat line with the given fields; rss is field 24. */
function statLine(pid: number, comm: string, state: string, ppid: number, rss: number): string {
  // Fields 3 (state) to 24 (rss), then a few more.
  const fields = [state, String(ppid), ...Array.from({ length: 19 }, () => '7'), String(rss), '0', '0'];
  return `${pid} (${comm}) ${fields.join(' ')}`;
}

describe('parseStat', () => {
  it('reads pid, parent and resident pages, even when the command holds spaces and parentheses', () => {
    expect(parseStat(statLine(412, 'chromium (renderer) x', 'S', 400, 5123))).toEqual({ pid: 412, ppid: 400, rssPages: 5123 });
  });

  it('leaves a zombie out: it holds no memory', () => {
    expect(parseStat(statLine(9, 'node', 'Z', 1, 0))).toBeUndefined();
  });
});

describe('descendants', () => {
  const stats: ProcStat[] = [
    { pid: 1, ppid: 0, rssPages: 10 },
    { pid: 100, ppid: 1, rssPages: 1 }, // the root: node
    { pid: 101, ppid: 100, rssPages: 2 }, // chromium
    { pid: 102, ppid: 101, rssPages: 3 }, // its zygote
    { pid: 103, ppid: 102, rssPages: 4 }, // a renderer
    { pid: 200, ppid: 1, rssPages: 50 }, // another program
    { pid: 201, ppid: 200, rssPages: 60 },
  ];

  it('holds the root and every process below it, at any depth, and nothing else', () => {
    expect(descendants(stats, 100).map((stat) => stat.pid).sort()).toEqual([100, 101, 102, 103]);
  });

  it('is empty once the root has ended', () => {
    expect(descendants(stats, 999)).toEqual([]);
  });
});

describe('readStats', () => {
  it('finds a child this process started, below this process', async () => {
    const child = spawn('sleep', ['5']);
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const tree = descendants(readStats(), process.pid);
      expect(tree.map((stat) => stat.pid)).toContain(child.pid);
      expect(tree.find((stat) => stat.pid === process.pid)?.rssPages).toBeGreaterThan(0);
    } finally {
      child.kill();
    }
  });
});
