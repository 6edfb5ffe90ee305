/**
 * The compiled command's loader (scripts/setup/code-cache.mjs): it runs a
 * CommonJS bundle, a run asked to writes V8's code cache as it exits, and
 * the next run uses it; a cache of another bundle, or one V8 cannot use, is
 * not used. Each run is a process of its own, as each `zine` is.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const LOADER = pathToFileURL(join(import.meta.dirname, '..', '..', 'scripts', 'setup', 'code-cache.mjs')).href;
const BUNDLE = `
const { basename } = require('node:path');
exports.describe = (n) => ({ file: basename(__filename), square: n * n, moduleExports: module.exports === exports });
`;

let dir: string;
let bundle: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zinepress-code-cache-'));
  bundle = join(dir, 'bundle.cjs');
  await writeFile(bundle, BUNDLE);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Loads the bundle in a new node process; what it exported, and whether a cache was used. */
async function run(writeCache: boolean): Promise<{ cached: boolean; described: unknown }> {
  const script = `
    const { loadBundle } = await import(${JSON.stringify(LOADER)});
    const { exports, cached } = loadBundle(${JSON.stringify(bundle)}, { writeCache: ${writeCache} });
    console.log(JSON.stringify({ cached, described: exports.describe(7) }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as { cached: boolean; described: unknown };
}

const caches = async () => (await readdir(dir)).filter((name) => name.endsWith('.cache'));

/** A stand-in for dist/markdown-worker.cjs: it answers when asked, calling the hook it was given first. */
const WORKER_BUNDLE = `
let hook;
exports.beforeFirstAnswer = (given) => { hook = given; };
exports.answer = () => { const first = hook; hook = undefined; first?.(); return 'answered'; };
`;

/** Loads the worker stand-in with loadWorkerBundle in a new process, answering `answers` times; whether a cache was used. */
async function runWorker(path: string, answers: number): Promise<boolean> {
  const script = `
    const { loadWorkerBundle } = await import(${JSON.stringify(LOADER)});
    const { exports, cached } = loadWorkerBundle(${JSON.stringify(path)});
    for (let i = 0; i < ${answers}; i++) exports.answer();
    console.log(JSON.stringify(cached));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script]);
  return JSON.parse(stdout) as boolean;
}

describe('loadBundle', () => {
  it('runs the bundle as a CommonJS module: its exports, require, __filename', async () => {
    expect((await run(false)).described).toEqual({ file: 'bundle.cjs', square: 49, moduleExports: true });
  });

  it('writes no cache unless asked to', async () => {
    await run(false);
    expect(await caches()).toEqual([]);
  });

  it('writes the cache at the end of a run asked to, and the next run uses it', async () => {
    expect((await run(true)).cached).toBe(false);
    expect(await caches()).toHaveLength(1);
    const next = await run(true);
    expect(next).toEqual({ cached: true, described: { file: 'bundle.cjs', square: 49, moduleExports: true } });
    // Nothing more was written: no partial file either.
    expect(await readdir(dir)).toHaveLength(2);
  });

  it('does not use the cache of the bundle before it was compiled again', async () => {
    await run(true);
    await writeFile(bundle, `${BUNDLE}\nexports.more = 1;\n`);
    await utimes(bundle, new Date(), new Date(Date.now() + 5_000));
    expect((await run(true)).cached).toBe(false);
    expect((await run(true)).cached).toBe(true);
  });

  it('runs without a cache V8 turns down, and replaces it', async () => {
    for (const stale of await caches()) await rm(join(dir, stale));
    await run(true);
    const [cache] = await caches();
    expect(cache).toBeDefined();
    await writeFile(join(dir, cache ?? ''), 'not a code cache');
    expect((await run(true)).cached).toBe(false);
    expect((await run(true)).cached).toBe(true);
  });
});

describe('loadWorkerBundle', () => {
  it("writes the worker bundle's cache just before its first answer, once, and the next worker uses it", async () => {
    const sub = await mkdtemp(join(dir, 'worker-'));
    const path = join(sub, 'markdown-worker.cjs');
    await writeFile(path, WORKER_BUNDLE);
    const written = async () => (await readdir(sub)).filter((name) => name.endsWith('.cache'));
    // A worker ended before it answered (the time limit) writes nothing.
    expect(await runWorker(path, 0)).toBe(false);
    expect(await written()).toEqual([]);
    expect(await runWorker(path, 2)).toBe(false);
    expect(await written()).toHaveLength(1);
    expect(await runWorker(path, 1)).toBe(true);
    expect(await readdir(sub)).toHaveLength(2);
  });
});
