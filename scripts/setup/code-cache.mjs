// Loads the compiled command (dist/zine.cjs), and the markdown stage's workers
// their own bundle (dist/markdown-worker.cjs), with V8's code cache. Node 20
// compiles the bundle's JavaScript anew at every start, 0.1-0.2 s before the
// browser can even be started, and compiles each function again at its first
// call. A code cache holds the bytecode of the bundle and of every function a
// run compiled, and V8 reads it back in a fraction of that time.
//
// The cache is written at the end of a run that had none (or one V8 turned
// down: another node, other flags), and only by a run that asks for it: a
// build, whose run compiles the functions a build calls (a cache written by
// `zine --help` would hold little more than the bundle's top level). It lies beside the
// bundle, named after the bundle's size and time, so it never serves another
// bundle; a compile replaces dist/ whole, and the cache with it. Where dist/
// cannot be written, nothing is cached and nothing fails.
//
// Node 22 caches its modules' code itself (module.enableCompileCache); node 20
// has no such thing, hence a CommonJS bundle run through vm.Script here.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script, constants } from 'node:vm';
import { threadId } from 'node:worker_threads';

/** The cache file of a bundle: beside it, named after its size and modification time. */
function cachePath(bundle) {
  const { size, mtimeMs } = statSync(bundle);
  return `${bundle}.${size}-${Math.round(mtimeMs)}.cache`;
}

/**
 * Runs the CommonJS `bundle` (an absolute path) and returns its exports, and
 * whether V8 used a cache for it, and `saveCache`, which writes the cache now.
 * With `writeCache`, a run that used none writes one as the process exits.
 */
export function loadBundle(bundle, { writeCache = false } = {}) {
  const source = readFileSync(bundle, 'utf8');
  const cache = cachePath(bundle);
  let cachedData;
  try {
    cachedData = readFileSync(cache);
  } catch {
    // No cache yet.
  }
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    cachedData,
    // A dynamic import() in the bundle loads as it would in a module of its own.
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cached = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  if (writeCache && !cached) process.once('exit', () => writeCodeCache(script, cache));
  return { exports: module.exports, cached, saveCache: () => writeCodeCache(script, cache) };
}

/**
 * In a worker of the markdown stage: runs its bundle (dist/markdown-worker.cjs),
 * which waits for a source. A worker is ended as soon as it has answered (or
 * at the time limit), so rather than as it exits, one that ran without a
 * cache writes it just before it sends its first result.
 */
export function loadWorkerBundle(bundle) {
  const { exports, cached, saveCache } = loadBundle(bundle);
  if (!cached) exports.beforeFirstAnswer?.(saveCache);
  return { exports, cached };
}

/** Writes the script's code cache, whole or not at all (builds, and workers, may end side by side). */
function writeCodeCache(script, cache) {
  // Named after the thread too: a build's markdown workers are threads of one process.
  const partial = `${cache}.${process.pid}-${threadId}.tmp`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cache);
  } catch {
    // A folder that cannot be written keeps no cache: the next run compiles, as this one did.
    rmSync(partial, { force: true });
  }
}
