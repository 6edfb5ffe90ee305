/**
 * Runs one command as a whole process and measures it: wall time from spawn
 * to exit, and the peak of its process tree's resident memory (the RSS of
 * every process in the tree summed, sampled every `sampleMs`).
 */
import { execFileSync, spawn } from 'node:child_process';
import { treeMemory } from './process-tree.ts';

/** A command to run. */
export interface Invocation {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface MeasureOptions {
  /** Milliseconds between memory samples. Default 50. */
  sampleMs?: number;
  /** Seconds after which the tree is stopped and the run counts as failed. Default 600. */
  timeoutSeconds?: number;
}

export interface Measurement {
  seconds: number;
  /** Highest sampled sum of RSS over the tree, in bytes. */
  peakBytes: number;
  /** Why the run failed: exit status and the last line of its error output; undefined when it succeeded. */
  failure?: string;
}

const PAGE_SIZE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

export function measure(invocation: Invocation, options: MeasureOptions = {}): Promise<Measurement> {
  const { sampleMs = 50, timeoutSeconds = 600 } = options;
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(invocation.command, invocation.args, {
      env: invocation.env ?? process.env,
      cwd: invocation.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      errors = (errors + chunk).slice(-4000);
    });
    let peakBytes = 0;
    let pids: number[] = [];
    const sample = (): void => {
      if (child.pid === undefined) return;
      const now = treeMemory(child.pid, PAGE_SIZE);
      if (now.pids.length > 0) pids = now.pids;
      peakBytes = Math.max(peakBytes, now.bytes);
    };
    const sampler = setInterval(sample, sampleMs);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // Stop the tree as last seen, the root last: each by its own id.
      for (const pid of [...pids].reverse()) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutSeconds * 1000);
    let done = false;
    const finish = (failure: string | undefined): void => {
      if (done) return;
      done = true;
      clearInterval(sampler);
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve(failure === undefined ? { seconds, peakBytes } : { seconds, peakBytes, failure });
    };
    child.on('error', (error) => finish(`cannot start ${invocation.command}: ${error.message}`));
    child.on('exit', (code, signal) => {
      if (timedOut) return finish(`stopped after ${timeoutSeconds} s`);
      if (code === 0) return finish(undefined);
      const last = errors.trim().split('\n').filter((line) => line.trim() !== '').at(-1) ?? '';
      finish(`${signal === null ? `exit ${code}` : signal}${last === '' ? '' : `: ${last.trim().slice(0, 160)}`}`);
    });
    sample();
  });
}
