import { appendFileSync } from 'node:fs';
import { afterAll, afterEach, beforeEach } from 'vitest';
import { groupSeconds } from '../../scripts/bench/cpu-group.ts';
import type { CpuReading } from '../../scripts/bench/test-cpu-table.ts';

/**
 * A setup file for `npm run bench:tests` (scripts/bench/test-cpu.ts): the run
 * is in a control group of its own (ZINEPRESS_TEST_CPU, its folder) and runs
 * one file at a time, so the group's CPU time read as each test starts and
 * ends, and as each file ends, gives each test's and each file's CPU, the
 * browsers, workers and poppler it started among it. Each reading is a line
 * of JSON appended to ZINEPRESS_TEST_CPU_OUT.
 */
const group = process.env['ZINEPRESS_TEST_CPU'];
const out = process.env['ZINEPRESS_TEST_CPU_OUT'];

function note(event: CpuReading['event'], file: string, name?: string): void {
  if (group === undefined || out === undefined) return;
  const reading: CpuReading = { event, file, ...(name === undefined ? {} : { name }), cpu: groupSeconds(group), at: Date.now() };
  appendFileSync(out, `${JSON.stringify(reading)}\n`);
}

beforeEach(({ task }) => note('start', task.file.filepath, task.fullTestName));
afterEach(({ task }) => note('end', task.file.filepath, task.fullTestName));
// eslint-disable-next-line no-empty-pattern -- vitest reads a hook's first parameter as its fixtures, and takes only a pattern there
afterAll(({}, suite) => note('file', suite.file.filepath));
