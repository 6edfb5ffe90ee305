import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ZINE = join(import.meta.dirname, '..', '..', 'bin', 'zine.js');

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `zine …` in `cwd` and returns its exit code and what it printed. */
export async function zine(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Ran> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ZINE, ...args], { cwd, env, maxBuffer: 1 << 24 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Starts `zine …` without waiting; stderr is collected on `stderr.text`. */
export function startZine(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): { child: ChildProcess; stderr: { text: string } } {
  const child = spawn(process.execPath, [ZINE, ...args], { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const stderr = { text: '' };
  child.stderr?.on('data', (chunk: Buffer) => (stderr.text += chunk.toString()));
  return { child, stderr };
}

/** Every file under `dir` with the SHA-256 of its bytes, by path relative to `dir`. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), createHash('sha256').update(await readFile(path)).digest('hex'));
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)));
}

/** A small document with a note and a card, that makes every format. */
export const GOOD = `---
title: A short zine
date: 2025-03-08
---

Some text with a note.[^a]

[^a]: The note.

::::tear-off
## Keep this card
:::address
Somebody\\
Somewhere 1
:::
::::
`;
