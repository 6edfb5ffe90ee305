/**
 * Disk faults during a build, injected where the build writes: each ends in
 * one line naming the file and the reason, exit 1, no staging folder left and
 * the earlier outputs byte for byte as they were.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { build } from '../scripts/build.ts';
import { report } from '../scripts/cli.ts';
import { snapshot, GOOD } from './helpers/zine.ts';

/** Which call fails, for which paths, with which errno code. */
const inject = vi.hoisted(() => ({ current: undefined as undefined | { call: string; match: RegExp; code: string } }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const failing = <A extends unknown[], R>(call: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const fault = inject.current;
      const path = String(args[0]);
      if (fault?.call === call && fault.match.test(path)) {
        throw Object.assign(new Error(`${fault.code}: injected, ${call} '${path}'`), { code: fault.code, path, syscall: call });
      }
      return fn(...args);
    };
  return {
    ...real,
    writeFile: failing('write', real.writeFile),
    rename: failing('rename', real.rename),
    mkdtemp: failing('mkdtemp', real.mkdtemp),
  };
});

let dir: string;
let before: Map<string, string>;
const source = () => join(dir, 'zine.md');
const options = () => ({ files: [source()], out: join(dir, 'out'), progress: false, formats: ['reading' as const] });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-disk-'));
  await writeFile(source(), GOOD);
  await build(options());
  before = await snapshot(join(dir, 'out', 'zine'));
});

afterEach(() => {
  inject.current = undefined;
});

/** Runs the build with the fault, and returns the line the command would print and its exit code. */
async function failWith(fault: { call: string; match: RegExp; code: string }): Promise<{ line: string; code: number }> {
  inject.current = fault;
  const error = await build(options()).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  inject.current = undefined;
  expect(error).toBeDefined();
  const printed: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(args.join(' ')));
  const code = report(error, false);
  spy.mockRestore();
  expect(printed).toHaveLength(1);
  expect(printed[0]).not.toContain('\n');
  expect(await snapshot(join(dir, 'out', 'zine'))).toEqual(before);
  expect((await readdir(join(dir, 'out'))).filter((name) => name.startsWith('.'))).toEqual([]);
  return { line: printed[0] as string, code };
}

describe('disk faults', () => {
  it('a full disk while the PDF is written', async () => {
    const { line, code } = await failWith({ call: 'write', match: /\.zinepress-tmp-.*reading\.pdf$/, code: 'ENOSPC' });
    expect(code).toBe(1);
    expect(line).toMatch(/^zine: cannot write \S+reading\.pdf: the disk is full$/);
  });

  it('a read-only output folder when the files move into place', async () => {
    // Every rename in the output folder fails on a read-only file system, that of the old files aside too
    // (the browser's fontconfig, in the system's temporary folder, is on another file system).
    const inOutput = new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`);
    const { line, code } = await failWith({ call: 'rename', match: inOutput, code: 'EROFS' });
    expect(code).toBe(1);
    expect(line).toMatch(/^zine: cannot write into \S+out\/zine: the file system is read-only$/);
  });

  it('an output folder the user may not write to', async () => {
    const { line, code } = await failWith({ call: 'mkdtemp', match: /\.zinepress-tmp-/, code: 'EACCES' });
    expect(code).toBe(1);
    expect(line).toMatch(/^zine: cannot write into \S+out: permission denied$/);
  });
});

describe('a move that fails half way', () => {
  it('puts back what it had moved aside', async () => {
    // The old fonts folder goes aside, then the new one cannot take its place.
    const { code } = await failWith({ call: 'rename', match: /\.zinepress-tmp-[^/]+\/fonts$/, code: 'EIO' });
    expect(code).toBe(1);
  });
});

describe('report', () => {
  it('gives a fault of Zinepress itself exit 3 and one line, its stack only under --debug', () => {
    const printed: unknown[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void printed.push(...args));
    expect(report(new TypeError('cannot read properties of undefined'), false)).toBe(3);
    expect(printed).toEqual(['zine: internal error: cannot read properties of undefined (run again with --debug for details)']);
    printed.length = 0;
    const bug = new TypeError('cannot read properties of undefined');
    expect(report(bug, true)).toBe(3);
    expect(printed).toEqual([bug]);
    spy.mockRestore();
  });
});
