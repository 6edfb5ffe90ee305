/**
 * What every case of the safety audit shares: running `zine` from a chosen
 * checkout in a folder of the audit's own, stopping it as a terminal would,
 * timing it to its end, and finding what it left running.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface Outcome {
  held: boolean;
  /** Exit code(s) as said in the table: `1`, `143`, `0/0`, `killed`. */
  code: string;
  /** Seconds from the start (or from the signal, for the stop cases) to the end. */
  seconds: number;
  message: string;
}

export interface AuditContext {
  /** The checkout whose bin/zine.js is run. */
  repo: string;
  /** A new folder for this case alone. */
  dir: string;
  /** TMPDIR given to every zine the case runs, inside the audit's folder. */
  tmp: string;
}

export interface AuditCase {
  /** The point of issue 30's first list (1–9). */
  point: number;
  name: string;
  run(context: AuditContext): Promise<Outcome>;
}

export interface Ran {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Seconds from the start, or from the first signal sent, to the exit (from the start when the cap ended it). */
  seconds: number;
  timedOut: boolean;
  /** Largest resident memory of the zine process seen, in MB. */
  peakMb: number;
}

export interface RunOptions {
  cwd: string;
  tmp: string;
  env?: NodeJS.ProcessEnv;
  /** Killed (its whole group, SIGKILL) after this long. Default: 180 s. */
  capMs?: number;
  /** A shell line run before zine's node, e.g. `ulimit -f 100`. Default: none. */
  shellPrefix?: string;
  /** Called once started; may stop it with `stop`. */
  onStart?: (child: Running) => void;
}

export interface Running {
  pid: number;
  /** Ctrl-C: SIGINT to the whole process group, as a terminal sends it. */
  ctrlC(): void;
  /** `kill -SIGNAL pid`: to zine's process alone. */
  kill(signal: NodeJS.Signals): void;
  /** Whether a signal was sent (none is once it has ended). */
  signalled(): boolean;
  stdout(): string;
  stderr(): string;
}

/** Runs `node REPO/bin/zine.js …` in its own process group and waits for its end. */
export function runZine(repo: string, args: string[], options: RunOptions): Promise<Ran> {
  const { cwd, tmp, env = process.env, capMs = 180_000, shellPrefix } = options;
  const zine = join(repo, 'bin', 'zine.js');
  const quoted = [process.execPath, zine, ...args].map((word) => `'${word.replaceAll("'", `'\\''`)}'`).join(' ');
  const [file, argv] = shellPrefix ? ['bash', ['-c', `${shellPrefix}; exec ${quoted}`]] : [process.execPath, [zine, ...args]];
  const child = spawn(file, argv as string[], { cwd, env: { ...env, TMPDIR: tmp }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = Date.now();
  let signalled: number | undefined;
  let peakMb = 0;
  const pid = child.pid as number;
  const memory = setInterval(() => (peakMb = Math.max(peakMb, residentMb(pid))), 200);
  let timedOut = false;
  let closed = false;
  const cap = setTimeout(() => {
    timedOut = true;
    killGroup(pid, 'SIGKILL');
  }, capMs);
  options.onStart?.({
    pid,
    ctrlC: () => void (closed || ((signalled ??= Date.now()), killGroup(pid, 'SIGINT'))),
    kill: (signal) => void (closed || ((signalled ??= Date.now()), tryKill(pid, signal))),
    signalled: () => signalled !== undefined,
    stdout: () => stdout,
    stderr: () => stderr,
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      closed = true;
      clearTimeout(cap);
      clearInterval(memory);
      // Killed by the audit's cap: the time is the whole run's.
      const from = timedOut ? started : (signalled ?? started);
      resolve({ code, signal, stdout, stderr, seconds: (Date.now() - from) / 1000, timedOut, peakMb });
    });
  });
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

export function killGroup(pid: number, signal: NodeJS.Signals): void {
  tryKill(-pid, signal);
}

function residentMb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The exit as the table says it: the code, or the signal that ended it, or "cap" when the audit killed it. */
export function exitOf(ran: Ran): string {
  if (ran.timedOut) return 'cap';
  return ran.code !== null ? String(ran.code) : String(ran.signal);
}

/** The last line zine printed on stderr, or on stdout when stderr is empty. */
export function lastLine(ran: Ran): string {
  const text = ran.stderr.trim() || ran.stdout.trim();
  return text.split('\n').at(-1) ?? '';
}

/** Processes (other than this one) whose command line names `root` or which run inside it. */
export function processesIn(root: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
      let cwd = '';
      try {
        cwd = readlinkSync(`/proc/${entry}/cwd`);
      } catch {
        // a process that ended between the two reads
      }
      if (command.includes(root) || cwd === root || cwd.startsWith(`${root}/`)) found.push({ pid: Number(entry), command });
    } catch {
      // gone
    }
  }
  return found;
}

/** Every file under `dir` (links not followed) with the SHA-256 of its bytes. */
export async function snapshot(dir: string, skip: (path: string) => boolean = () => false): Promise<string> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = relative(dir, join(entry.parentPath, entry.name));
    if (skip(path)) continue;
    if (entry.isSymbolicLink()) files.push(`${path} -> link`);
    else if (entry.isFile()) files.push(`${path} ${createHash('sha256').update(await readFile(join(dir, path))).digest('hex')}`);
    else if (entry.isDirectory()) files.push(`${path}/`);
  }
  return files.sort().join('\n');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function newFolder(path: string): Promise<string> {
  await mkdir(path, { recursive: true });
  return path;
}

/** A small document with a note and a card, that makes every format. */
export const GOOD = `---
title: A short zine
date: 2025-03-08
---

Some text with a note.[^a]

[^a]: The note.
`;
