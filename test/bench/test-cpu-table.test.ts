import { describe, expect, it } from 'vitest';
import { cpuByFile, cpuTable, type CpuReading } from '../../scripts/bench/test-cpu-table.ts';

const ROOT = '/repo';
/** Two files run one after the other: a.test.ts with two tests, b.test.ts with one and a long beforeAll. */
const READINGS: CpuReading[] = [
  { event: 'start', file: '/repo/test/a.test.ts', name: 'a > one', cpu: 2, at: 1_000 },
  { event: 'end', file: '/repo/test/a.test.ts', name: 'a > one', cpu: 5, at: 4_000 },
  { event: 'start', file: '/repo/test/a.test.ts', name: 'a > two', cpu: 5, at: 4_000 },
  { event: 'end', file: '/repo/test/a.test.ts', name: 'a > two', cpu: 6, at: 6_000 },
  { event: 'file', file: '/repo/test/a.test.ts', cpu: 6.5, at: 6_500 },
  { event: 'start', file: '/repo/test/b.test.ts', name: 'b > only', cpu: 16.5, at: 20_000 },
  { event: 'end', file: '/repo/test/b.test.ts', name: 'b > only', cpu: 17, at: 21_000 },
  { event: 'file', file: '/repo/test/b.test.ts', cpu: 17, at: 21_000 },
];

describe('the CPU of a run of the suite, by file and by test', () => {
  it('gives each file the CPU since the last one ended, its loading and hooks with it, and each test its own', () => {
    const spent = cpuByFile(READINGS, ROOT);
    expect(spent.total).toBe(17);
    expect(spent.files).toEqual([
      { name: 'test/b.test.ts', cpu: 10.5, wall: 14.5, tests: 0.5 },
      // The first file's CPU counts from the run's start: the group's CPU before its first test is its loading.
      { name: 'test/a.test.ts', cpu: 6.5, wall: 5.5, tests: 4 },
    ]);
    expect(spent.tests.map((test) => [test.name, test.cpu, test.wall])).toEqual([
      ['test/a.test.ts > a > one', 3, 3],
      ['test/a.test.ts > a > two', 1, 2],
      ['test/b.test.ts > b > only', 0.5, 1],
    ]);
  });

  it('prints the files and the tests that took most, most first', () => {
    const lines = cpuTable(cpuByFile(READINGS, ROOT), 1).split('\n');
    expect(lines[0]).toBe('17.0 s of CPU in all, 2 files');
    expect(lines[2]).toBe('   10.5     0.5    14.5 test/b.test.ts');
    expect(lines).toContain('    3.0     3.0 test/a.test.ts > a > one');
    expect(lines).not.toContain('test/a.test.ts > a > two');
    expect(lines).toHaveLength(6);
  });
});
