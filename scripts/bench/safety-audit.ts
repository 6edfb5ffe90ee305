/**
 * `npx tsx scripts/bench/safety-audit.ts [--repo DIR] [--only POINT|TEXT] [--kills N] [--json FILE]`
 *
 * Runs every case of issue 30 against the `zine` of a checkout (default: this
 * one; its dist/ must be compiled) and prints, for each, whether it held, the
 * exit code, the time to its end and the last line zine printed; then kills
 * N builds of the essay at random moments (default 20; 0 for none) and counts
 * what they left. Everything happens in a new folder under the system's
 * temporary folder (TMPDIR of every zine run included), removed at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { boundsCases } from './safety/cases-bounds.ts';
import { imageCases } from './safety/cases-images.ts';
import { outputCases } from './safety/cases-output.ts';
import { previewCases } from './safety/cases-preview.ts';
import { smallCases } from './safety/cases-small.ts';
import { newFolder, processesIn, sleep, type AuditCase, type Outcome } from './safety/harness.ts';
import { killedBuilds, type KillsReport } from './safety/kills.ts';

const CASES: AuditCase[] = [...outputCases, ...imageCases, ...boundsCases, ...previewCases, ...smallCases].sort((a, b) => a.point - b.point);

const { values } = parseArgs({
  options: {
    repo: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
    only: { type: 'string' },
    kills: { type: 'string', default: '20' },
    json: { type: 'string' },
  },
});
const repo = resolve(values.repo);
const root = await mkdtemp(join(tmpdir(), 'zinepress-safety-audit-'));
const load = () => loadavg()[0]?.toFixed(1) ?? '?';

/** Ends what a case left running (processes it started, found by their folder) and unmounts what it mounted. */
function tidy(dir: string): void {
  for (const left of processesIn(dir)) {
    try {
      process.kill(left.pid, 'SIGKILL');
    } catch {
      // gone already
    }
  }
  for (const line of execFileSync('findmnt', ['-rn', '-o', 'TARGET'], { encoding: 'utf8' }).split('\n')) {
    if (line.startsWith(`${dir}/`)) execFileSync('umount', ['-l', line]);
  }
}

const results: (Outcome & { point: number; name: string; load: string })[] = [];
const only = values.only;
const chosen = CASES.filter((c) => !only || (/^\d+$/.test(only) ? String(c.point) === only : c.name.includes(only)));
console.log(`safety audit of ${repo}: ${chosen.length} cases, load average ${load()} at the start`);
for (const [i, audit] of chosen.entries()) {
  const dir = await newFolder(join(root, `case-${i}`));
  const tmp = await newFolder(join(dir, '.tmp'));
  let outcome: Outcome;
  try {
    outcome = await audit.run({ repo, dir, tmp });
    // Nothing zine started may outlive it: given 3 s to go, any process still in the case's folder fails the case.
    for (let waited = 0; waited < 3000 && processesIn(dir).length > 0; waited += 250) await sleep(250);
    const left = processesIn(dir);
    if (left.length > 0) outcome = { ...outcome, held: false, message: `${outcome.message} [left running: ${left.map((p) => p.command.slice(0, 60)).join('; ')}]` };
  } catch (error) {
    outcome = { held: false, code: 'audit error', seconds: 0, message: String(error) };
  } finally {
    tidy(dir);
  }
  results.push({ ...outcome, point: audit.point, name: audit.name, load: load() });
  console.log(`${audit.point} | ${audit.name} | ${outcome.held ? 'held' : 'NOT HELD'} | ${outcome.code} | ${outcome.seconds.toFixed(2)} s | ${outcome.message}`);
}

let kills: KillsReport | undefined;
if (Number(values.kills) > 0) {
  const dir = await newFolder(join(root, 'kills'));
  console.log(`\n${values.kills} killed builds of the essay (load average ${load()}):`);
  try {
    kills = await killedBuilds({ repo, dir, essay: join(repo, 'source', 'unifying-the-struggle.md'), count: Number(values.kills) });
  } finally {
    tidy(dir);
  }
  const said = (left: { processes: number; tmpFolders: string[]; stages: string[] }) =>
    `${left.processes} processes, ${left.tmpFolders.length} folders in TMPDIR${left.tmpFolders.length ? ` (${left.tmpFolders.slice(0, 3).join(', ')}…)` : ''}, ${left.stages.length} staging folders`;
  const sigterms = kills.kills.filter((k) => k.signal !== 'SIGKILL' && !k.finished).map((k) => k.endSeconds);
  const finished = kills.kills.filter((k) => k.finished).length;
  console.log(`a build let finish: ${kills.buildSeconds.toFixed(1)} s; SIGTERM or Ctrl-C to the end: longest ${Math.max(0, ...sigterms).toFixed(2)} s over ${sigterms.length}; ${finished} of ${kills.kills.length} finished before their signal`);
  console.log(`after the kills: ${said(kills.afterKills)}`);
  console.log(`after one more build (exit ${kills.afterNext.code}): ${said(kills.afterNext)}`);
}

const held = results.filter((r) => r.held).length;
const longest = [...results].sort((a, b) => b.seconds - a.seconds)[0];
console.log(`\n${held} of ${results.length} held; longest to end: ${longest?.seconds.toFixed(1)} s (${longest?.name}); load average ${load()} at the end`);
if (values.json) await writeFile(values.json, JSON.stringify({ repo, results, kills }, null, 2));
await rm(root, { recursive: true, force: true });
