/**
 * Builds of the essay killed at random moments (kill -9 or SIGTERM to zine's
 * process, or Ctrl-C: SIGINT to its whole group, browser included), then what they left: processes, browser profiles and other
 * folders in TMPDIR, staging folders in the output folder; and the same
 * after one more build that is let finish.
 */
import { copyFile, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exitOf, newFolder, processesIn, runZine, sleep } from './harness.ts';

export interface KillsOptions {
  repo: string;
  /** The audit's folder for these builds. */
  dir: string;
  /** The essay's source. */
  essay: string;
  /** How many builds are killed. Default: 20. */
  count?: number;
  /** Draws the moments and signals. Default: Math.random. */
  random?: () => number;
}

export interface Leftovers {
  processes: number;
  tmpFolders: string[];
  stages: string[];
}

export interface KillsReport {
  /** Seconds a build let finish took (the first, before the kills). */
  buildSeconds: number;
  /** Each build: the signal, when, how it ended and how long after the signal; `finished` when it ended before it. */
  kills: { signal: string; atSeconds: number; code: string; endSeconds: number; finished: boolean }[];
  afterKills: Leftovers;
  afterNext: Leftovers & { code: string };
}

async function leftovers(dir: string, tmp: string): Promise<Leftovers> {
  const out = join(dir, 'out');
  return {
    processes: processesIn(dir).length,
    tmpFolders: await readdir(tmp),
    stages: existsSync(out) ? (await readdir(out)).filter((name) => name.startsWith('.zinepress')) : [],
  };
}

export async function killedBuilds(options: KillsOptions): Promise<KillsReport> {
  const { repo, dir, essay, count = 20, random = Math.random } = options;
  const tmp = await newFolder(join(dir, 'tmp'));
  await copyFile(essay, join(dir, 'essay.md'));
  const args = ['build', 'essay.md', '--out', 'out'];
  const first = await runZine(repo, args, { cwd: dir, tmp });
  const buildSeconds = first.seconds;
  const kills: KillsReport['kills'] = [];
  for (let i = 0; i < count; i++) {
    const signal = (['SIGKILL', 'SIGTERM', 'Ctrl-C'] as const)[Math.floor(random() * 3)] ?? 'SIGKILL';
    const atSeconds = 0.2 + random() * Math.max(1, buildSeconds * 0.95 - 0.2);
    let sent = (): boolean => false;
    const ran = await runZine(repo, args, {
      cwd: dir,
      tmp,
      capMs: 120_000,
      onStart: (child) => {
        sent = child.signalled;
        void sleep(atSeconds * 1000).then(() => (signal === 'Ctrl-C' ? child.ctrlC() : child.kill(signal)));
      },
    });
    const finished = !sent();
    kills.push({ signal, atSeconds, code: exitOf(ran), endSeconds: ran.seconds, finished });
    const end = finished ? `finished first (exit ${exitOf(ran)}, ${ran.seconds.toFixed(1)} s)` : `${exitOf(ran)} in ${ran.seconds.toFixed(2)} s`;
    process.stderr.write(`  killed build ${i + 1}: ${signal} at ${atSeconds.toFixed(1)} s → ${end}\n`);
  }
  await sleep(2000);
  const afterKills = await leftovers(dir, tmp);
  const next = await runZine(repo, args, { cwd: dir, tmp });
  await sleep(2000);
  return { buildSeconds, kills, afterKills, afterNext: { ...(await leftovers(dir, tmp)), code: exitOf(next) } };
}
