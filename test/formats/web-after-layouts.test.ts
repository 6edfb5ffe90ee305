/**
 * The web edition is node's work alone: it is made once the layouts under way
 * lay out by themselves in their tabs (make.ts), not while their tabs are
 * opened and their pages loaded, which it would hold up. Read from the build's
 * own marks (ZINE_TIMES, util/timeline.ts).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GOOD, zine } from '../helpers/zine.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zinepress-web-after-'));
  await writeFile(join(dir, 'zine.md'), GOOD);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it('makes the web edition once every layout that has a turn has begun, and the same page as alone', async () => {
  const ran = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading,slips,web'], dir, { ...process.env, ZINE_TIMES: '1' });
  expect(ran.code).toBe(0);
  const marks = ran.stderr.split('\n').filter((line) => /^\+\d+ ms /.test(line));
  const web = marks.findIndex((line) => line.endsWith(' web edition begins'));
  expect(web).toBeGreaterThan(0);
  const before = marks.slice(0, web);
  const opened = before.filter((line) => line.endsWith(' layout: page loading')).length;
  // Each layout that had a turn (one per core: the reading edition's and the card's) opened and begun before it.
  expect(opened).toBe(Math.min(2, availableParallelism()));
  expect(before.filter((line) => line.endsWith(' layout: Paged.js begins'))).toHaveLength(opened);
  const alone = await zine(['build', 'zine.md', '--out', 'alone', '--formats', 'web'], dir);
  expect(alone.code).toBe(0);
  expect(await readFile(join(dir, 'out', 'zine', 'web', 'index.html'), 'utf8')).toBe(await readFile(join(dir, 'alone', 'zine', 'web', 'index.html'), 'utf8'));
});
