/**
 * Where the test suite's CPU goes, from the readings of a run of one file at
 * a time (test/helpers/cpu-per-file.ts): each file's CPU from the end of the
 * one before to its own end (its modules' loading, its hooks, its tests and
 * what they started), and each test's from its start to its end.
 */
export interface CpuReading {
  event: 'start' | 'end' | 'file';
  /** The test file's path. */
  file: string;
  /** The test's full name (start and end). */
  name?: string;
  /** The run's CPU seconds so far. */
  cpu: number;
  /** Milliseconds since the epoch. */
  at: number;
}

export interface CpuSpent {
  /** A file's path relative to `root`, or a test's `file > name`. */
  name: string;
  cpu: number;
  wall: number;
  /** For a file: the CPU of its tests alone (not its hooks nor its loading). */
  tests?: number;
}

export interface CpuByFile {
  total: number;
  files: CpuSpent[];
  tests: CpuSpent[];
}

/** The files and the tests, each most CPU first; paths relative to `root`. */
export function cpuByFile(readings: readonly CpuReading[], root: string): CpuByFile {
  const relative = (file: string) => (file.startsWith(`${root}/`) ? file.slice(root.length + 1) : file);
  const files: CpuSpent[] = [];
  const tests: CpuSpent[] = [];
  const started = new Map<string, CpuReading>();
  let last = { cpu: 0, at: readings[0]?.at ?? 0 };
  for (const reading of readings) {
    const key = `${relative(reading.file)} > ${reading.name ?? ''}`;
    if (reading.event === 'start') started.set(key, reading);
    const start = started.get(key);
    if (reading.event === 'end' && start !== undefined) tests.push({ name: key, cpu: reading.cpu - start.cpu, wall: (reading.at - start.at) / 1000 });
    if (reading.event !== 'file') continue;
    const own = tests.filter((test) => test.name.startsWith(`${relative(reading.file)} > `));
    files.push({ name: relative(reading.file), cpu: reading.cpu - last.cpu, wall: (reading.at - last.at) / 1000, tests: own.reduce((sum, test) => sum + test.cpu, 0) });
    last = reading;
  }
  const byCpu = (a: CpuSpent, b: CpuSpent) => b.cpu - a.cpu;
  return { total: last.cpu, files: files.sort(byCpu), tests: tests.sort(byCpu) };
}

/** The `count` files and tests that took most CPU, as lines of text. */
export function cpuTable(spent: CpuByFile, count: number): string {
  const row = (cells: string[]) => cells.map((cell, i) => (i < cells.length - 1 ? cell.padStart(7) : cell)).join(' ');
  const seconds = (value: number) => value.toFixed(1);
  return [
    `${seconds(spent.total)} s of CPU in all, ${spent.files.length} files`,
    row(['CPU s', 'tests', 'wall s', 'file']),
    ...spent.files.slice(0, count).map((file) => row([seconds(file.cpu), seconds(file.tests ?? 0), seconds(file.wall), file.name])),
    '',
    row(['CPU s', 'wall s', 'test']),
    ...spent.tests.slice(0, count).map((test) => row([seconds(test.cpu), seconds(test.wall), test.name])),
  ].join('\n');
}
