/**
 * `npm run bench:tests`: where the test suite's CPU goes. Runs vitest one
 * file at a time in a control group of its own (cpu-group.ts), so that each
 * file's and each test's CPU time, the browsers and poppler they start among
 * it, is read from the group as it goes (test/helpers/cpu-per-file.ts), then
 * prints the files and the tests that took most. Load on the machine slows the
 * run but hardly changes its CPU time. The readings stay in the file given.
 *
 *   npm run bench:tests [-- [--readings FILE] [--top N] [vitest's file filters…]]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cpuGroup } from './cpu-group.ts';
import { cpuByFile, cpuTable, type CpuReading } from './test-cpu-table.ts';
import { PROJECT_ROOT } from '../util/project-root.ts';

const { values, positionals } = parseArgs({
  options: { readings: { type: 'string', default: join(tmpdir(), `zinepress-test-cpu-${process.pid}.jsonl`) }, top: { type: 'string', default: '40' } },
  allowPositionals: true,
});
const readings = values.readings;
rmSync(readings, { force: true });

const vitest = join(PROJECT_ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const group = cpuGroup(`zinepress-test-cpu-${process.pid}`, { command: process.execPath, args: [vitest, 'run', ...positionals], cwd: PROJECT_ROOT });
if (group === undefined) {
  console.error('bench:tests: no control group could be made here (cgroup v1 cpuacct or v2, and the right to write there), so the CPU time cannot be read');
  process.exit(1);
}
const { invocation } = group;
const run = spawnSync(invocation.command, invocation.args, {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, ZINEPRESS_TEST_CPU: group.dir, ZINEPRESS_TEST_CPU_OUT: readings },
});
group.remove();
const lines = readFileSync(readings, 'utf8').trim().split('\n').filter((line) => line !== '');
console.log(`\n${cpuTable(cpuByFile(lines.map((line) => JSON.parse(line) as CpuReading), PROJECT_ROOT), Number(values.top))}`);
console.log(`\nreadings: ${readings}`);
process.exit(run.status ?? 1);
