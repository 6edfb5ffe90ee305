#!/usr/bin/env node
// `npm test`: the type check, the lint and the tests, started together
// instead of one after the other. The tests keep both cores busy most of the
// time, but not all of it (while the bundle compiles, while the last files
// finish on one worker), and tsc and eslint, run at a lower priority, take
// those moments: they added about 30 s of CPU in front of the tests.
// Each keeps its cache in node_modules/.cache/zinepress/ (tsc's --incremental,
// eslint's --cache by content), so a second run checks only what changed; a
// fresh clone checks everything. Their output is printed once the tests are
// over, and `npm test` fails when any of the three fails. Arguments go to
// vitest (`npm test -- test/impose`).
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const cache = `${root}node_modules/.cache/zinepress`;
/** Below the tests' priority (0), so they take only the time the tests leave. */
const CHECK_PRIORITY = 10;

const checks = [
  { name: 'tsc --noEmit', script: 'typescript/bin/tsc', args: ['--noEmit', '--incremental', '--tsBuildInfoFile', `${cache}/tsc.tsbuildinfo`] },
  { name: 'eslint .', script: 'eslint/bin/eslint.js', args: ['.', '--cache', '--cache-strategy', 'content', '--cache-location', `${cache}/eslintcache`] },
].map(({ name, script, args }) => {
  const started = Date.now();
  const child = spawn(process.execPath, [`${root}node_modules/${script}`, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    setPriority(child.pid, CHECK_PRIORITY);
  } catch {
    // it ended already, or this system will not lower it: it runs as it is
  }
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const ended = new Promise((resolve) => {
    child.on('error', (error) => resolve({ name, code: 1, output: `${output}${error.message}\n`, seconds: (Date.now() - started) / 1000 }));
    child.on('close', (code, signal) => resolve({ name, code: code ?? (signal ? 1 : 0), output, seconds: (Date.now() - started) / 1000 }));
  });
  return ended;
});

const vitest = await new Promise((resolve) => {
  const child = spawn(process.execPath, [`${root}node_modules/vitest/vitest.mjs`, 'run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  child.on('error', () => resolve(1));
  child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

let failed = vitest !== 0;
for (const { name, code, output, seconds } of await Promise.all(checks)) {
  if (code === 0) {
    console.log(`${name}: clean (${seconds.toFixed(1)} s, beside the tests)`);
    continue;
  }
  failed = true;
  process.stdout.write(output);
  console.log(`${name}: failed, exit ${code}`);
}
process.exit(failed ? 1 : 0);
