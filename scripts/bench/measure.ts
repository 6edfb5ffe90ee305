/**
 * Runs one command as a whole process and measures it: wall time from spawn
 * to exit, the peak of its process tree's resident memory (the RSS of
 * every process in the tree summed, sampled every `sampleMs`), and the CPU
 * time of the whole tree, from a control group of its own (cpu-group.ts).
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpuGroup } from './cpu-group.ts';
import { descendants, readStats, treeSampler } from './process-tree.ts';

/** A command to run. */
export interface Invocation {
  command: string;
  args: readonly string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface MeasureOptions {
  /** Milliseconds between memory samples. Default 100; every fifth sample looks for new processes. */
  sampleMs?: number;
  /** Seconds after which the tree is stopped and the run counts as failed. Default 600. */
  timeoutSeconds?: number;
}

export interface Measurement {
  seconds: number;
  /** Highest sampled sum of RSS over the tree, in bytes. */
  peakBytes: number;
  /** Seconds of CPU (user and system) the whole tree used; undefined where no control group could be made. */
  cpuSeconds?: number;
  /** Why the run failed: exit status and the last line of its error output; undefined when it succeeded. */
  failure?: string;
}

let runs = 0;

const PAGE_SIZE = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

export function measure(invocation: Invocation, options: MeasureOptions = {}): Promise<Measurement> {
  const { sampleMs = 100, timeoutSeconds = 600 } = options;
  return new Promise((resolve) => {
    runs += 1;
    const group = cpuGroup(`zinepress-bench-${process.pid}-${runs}`, invocation);
    const started = performance.now();
    const run = group?.invocation ?? invocation;
    const child = spawn(run.command, run.args, {
      env: invocation.env ?? process.env,
      cwd: invocation.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      // A group of its own, so that a process it is starting at the moment it is stopped goes too.
      detached: true,
    });
    let errors = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      errors = (errors + chunk).slice(-4000);
    });
    let peakBytes = 0;
    let pids: number[] = [];
    const tree = child.pid === undefined ? undefined : treeSampler(child.pid, { pageSize: PAGE_SIZE });
    const sample = (): void => {
      if (tree === undefined) return;
      const now = tree();
      pids = now.pids;
      peakBytes = Math.max(peakBytes, now.bytes);
    };
    const sampler = setInterval(sample, sampleMs);
    // Stops the tree as it is now, the processes it started before the root, each
    // by its own id, then its process group (a process being started at that moment).
    const stop = (): void => {
      const now = child.pid === undefined ? [] : descendants(readStats(), child.pid).map((stat) => stat.pid);
      const group = child.pid === undefined ? [] : [-child.pid];
      for (const pid of [...new Set([...pids, ...now])].reverse().concat(group)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, timeoutSeconds * 1000);
    // The run has a process group of its own, which Ctrl-C does not reach: the bench stops it.
    const interrupted = (): void => {
      stop();
      process.exit(130);
    };
    process.once('SIGINT', interrupted);
    let done = false;
    const finish = (failure: string | undefined): void => {
      if (done) return;
      done = true;
      clearInterval(sampler);
      clearTimeout(timer);
      process.off('SIGINT', interrupted);
      const seconds = (performance.now() - started) / 1000;
      const cpu = group?.seconds();
      group?.remove();
      const cpuSeconds = cpu === undefined || Number.isNaN(cpu) ? {} : { cpuSeconds: cpu };
      resolve({ seconds, peakBytes, ...cpuSeconds, ...(failure === undefined ? {} : { failure }) });
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
