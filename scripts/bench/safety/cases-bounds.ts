/**
 * Issue 30, point 7: inputs that ran for ever, overflowed the stack or filled
 * the memory; a FIFO as input stopped by Ctrl-C; a browser that never answers.
 */
import { execFileSync } from 'node:child_process';
import { chmod, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exitOf, lastLine, processesIn, runZine, sleep, type AuditCase, type Ran } from './harness.ts';

const FRONT = '---\ntitle: Bounds\n---\n\n';
const PLACE = /\.md:\d+:\d+: /;

/** A source that must end in exit 1 at its place, quickly. */
function bounded(name: string, body: () => string, limitSeconds = 30): AuditCase {
  return {
    point: 7,
    name,
    async run({ repo, dir, tmp }) {
      await writeFile(join(dir, 'e.md'), FRONT + body());
      const ran = await runZine(repo, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], { cwd: dir, tmp, capMs: 180_000 });
      const held = ran.code === 1 && PLACE.test(ran.stderr) && ran.seconds < limitSeconds;
      return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
    },
  };
}

const NOTES = 100_000;
const notes = () => `${Array.from({ length: NOTES }, (_, i) => `w[^${i}]`).join(' ')}\n\n${Array.from({ length: NOTES }, (_, i) => `[^${i}]: n`).join('\n')}\n`;

/** Starts a build, and `signal`s it (Ctrl-C to its group, or SIGTERM to it) `afterMs` in; holds when it ends within 2 s of that. */
async function stopped(repo: string, dir: string, tmp: string, args: string[], afterMs: number, signal: 'ctrl-c' | 'SIGTERM'): Promise<Ran & { early: boolean }> {
  let sent = (): boolean => false;
  const ran = await runZine(repo, args, {
    cwd: dir,
    tmp,
    capMs: 60_000,
    onStart: (child) => {
      sent = child.signalled;
      void sleep(afterMs).then(() => (signal === 'ctrl-c' ? child.ctrlC() : child.kill('SIGTERM')));
    },
  });
  return { ...ran, early: !sent() };
}

export const boundsCases: AuditCase[] = [
  bounded('a line of 50,000 `*`, a, 50,000 `*`', () => `${'*'.repeat(50_000)}a${'*'.repeat(50_000)}\n`),
  {
    point: 7,
    name: '100,000 notes: ends by itself',
    async run({ repo, dir, tmp }) {
      await writeFile(join(dir, 'e.md'), FRONT + notes());
      const ran = await runZine(repo, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], { cwd: dir, tmp, capMs: 240_000 });
      const held = ran.code === 1 && !ran.timedOut && /e\.md/.test(ran.stderr);
      return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
    },
  },
  {
    point: 7,
    name: '100,000 notes: SIGTERM 3 s in',
    async run({ repo, dir, tmp }) {
      await writeFile(join(dir, 'e.md'), FRONT + notes());
      const ran = await stopped(repo, dir, tmp, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], 3000, 'SIGTERM');
      const held = ran.early || (ran.code === 143 && ran.seconds < 2);
      return { held, code: exitOf(ran), seconds: ran.seconds, message: (ran.early ? '(ended before the signal) ' : '') + lastLine(ran) };
    },
  },
  bounded('2,000 nested `>`', () => `${'>'.repeat(2000)} deep\n`),
  bounded('a list 10,000 deep', () => `${'- '.repeat(10_000)}x\n`),
  bounded('4,000 `*` each side', () => `${'*'.repeat(4000)}a${'*'.repeat(4000)}\n`),
  {
    point: 7,
    name: 'zine impose /dev/zero',
    async run({ repo, dir, tmp }) {
      const ran = await runZine(repo, ['impose', '/dev/zero', '--layout', 'booklet', '-o', 'imposed.pdf'], { cwd: dir, tmp, capMs: 60_000 });
      const held = ran.code === 1 && ran.seconds < 10 && ran.peakMb < 500;
      return { held, code: exitOf(ran), seconds: ran.seconds, message: `${lastLine(ran)} [peak ${ran.peakMb.toFixed(0)} MB]` };
    },
  },
  {
    point: 7,
    name: 'a FIFO as the source, Ctrl-C 2 s in',
    async run({ repo, dir, tmp }) {
      execFileSync('mkfifo', [join(dir, 'pipe.md')]);
      const ran = await stopped(repo, dir, tmp, ['build', 'pipe.md', '--out', 'out'], 2000, 'ctrl-c');
      const held = ran.early ? ran.code === 1 : ran.seconds < 2 && ran.code === 130;
      return { held, code: exitOf(ran), seconds: ran.seconds, message: (ran.early ? '(refused before Ctrl-C) ' : '') + lastLine(ran) };
    },
  },
  {
    point: 7,
    name: 'a browser that never answers',
    async run({ repo, dir, tmp }) {
      const browser = join(dir, 'silent-browser');
      await writeFile(browser, '#!/bin/sh\nexec sleep 3600\n');
      await chmod(browser, 0o755);
      await writeFile(join(dir, 'e.md'), `${FRONT}Some text.\n`);
      const ran = await runZine(repo, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], {
        cwd: dir,
        tmp,
        capMs: 240_000,
        env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: browser },
      });
      await sleep(1000);
      const left = processesIn(dir);
      const held = ran.code === 1 && left.length === 0;
      return { held, code: exitOf(ran), seconds: ran.seconds, message: `${lastLine(ran)}${left.length ? ` [${left.length} process(es) left: ${left[0]?.command}]` : ''}` };
    },
  },
];
