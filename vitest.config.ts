import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirst } from './test/helpers/sequencer.ts';

/**
 * Two projects (three: the compiled files that use vi.mock run apart, each in
 * a fresh module graph). The tests in these folders run from the TypeScript sources
 * alone, so running them compiles nothing: `npx vitest run test/impose` starts
 * at once. The others run the `zine` command or read dist/, which
 * test/helpers/compile.ts compiles first (at once when it is up to date). A
 * test in these folders that comes to need dist/ goes in NEEDS_DIST.
 */
const FROM_SOURCES = ['test/bench/', 'test/config/', 'test/fonts/', 'test/impose/', 'test/markdown/', 'test/pdf/', 'test/setup/', 'test/util/', 'test/web/'];
const NEEDS_DIST = ['test/fonts/font-data.test.ts', 'test/markdown/worker.test.ts'];

const files = readdirSync('test', { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `test/${name.replaceAll('\\', '/')}`);
const fromSources = files.filter((file) => FROM_SOURCES.some((dir) => file.startsWith(dir)) && !NEEDS_DIST.includes(file));
const compiled = files.filter((file) => !fromSources.includes(file));
/** The files that replace a module (vi.mock): each loads its modules afresh, so that no other file sees the stand-in. */
const mocking = compiled.filter((file) => readFileSync(file, 'utf8').includes('vi.mock('));
/** The folder of the reading editions built once in a run and shared by the files that need them (test/helpers/shared-builds.ts). */
const SHARED = 'test/helpers/shared-builds-setup.ts';
/** Set by scripts/bench/test-cpu.ts: one file at a time, each test's CPU time recorded (test/helpers/cpu-per-file.ts). */
const measuring = process.env['ZINEPRESS_TEST_CPU'] !== undefined;

export default defineConfig({
  test: {
    // One worker per core. Vitest's default in a run, one fewer than the cores, left one core
    // of two idle: the tests spend much of their time waiting for the zine command, the browser
    // and poppler, whose work is done in processes of their own.
    maxWorkers: measuring ? 1 : availableParallelism(),
    ...(measuring ? { fileParallelism: false, setupFiles: ['test/helpers/cpu-per-file.ts'] } : {}),
    sequence: { sequencer: LongestFirst },
    testTimeout: 120_000,
    hookTimeout: 180_000,
    projects: [
      // One module graph per worker, not one per file: these tests share no state that outlives them, and
      // loading the sources again for each file was a third of the project's CPU time (93 s against 58 s).
      { extends: true, test: { name: 'sources', include: fromSources, isolate: false, globalSetup: [SHARED] } },
      {
        extends: true,
        test: { name: 'compiled', include: compiled.filter((file) => !mocking.includes(file)), isolate: false, globalSetup: ['test/helpers/compile.ts', SHARED] },
      },
      { extends: true, test: { name: 'compiled-mocking', include: mocking, globalSetup: ['test/helpers/compile.ts', SHARED] } },
    ],
  },
});
