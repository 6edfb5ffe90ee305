/**
 * Issue 30, point 9: Ctrl-C after the commit, messages that named the wrong
 * cause, and the small content cases (a long word, a NUL byte, an emoji in
 * init's file name).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { exitOf, GOOD, lastLine, runZine, sleep, type AuditCase, type Outcome } from './harness.ts';

/** A tmpfs mounted in the case's folder, unmounted by `done`; undefined where mounting is not allowed. */
function tmpfs(at: string, options: string): { path: string; done(): void } | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', at], { stdio: 'ignore' });
    return { path: at, done: () => execFileSync('umount', ['-l', at], { stdio: 'ignore' }) };
  } catch {
    return undefined;
  }
}

/** A build of a small document whose last line must match `expected`. */
async function message(
  context: { repo: string; dir: string; tmp: string },
  expected: RegExp,
  options: { source?: string; out?: string; tmp?: string; shellPrefix?: string; code?: number } = {},
): Promise<Outcome> {
  const { repo, dir } = context;
  await writeFile(join(dir, 'e.md'), options.source ?? GOOD);
  const ran = await runZine(repo, ['build', 'e.md', '--out', options.out ?? 'out', '--formats', 'reading'], {
    cwd: dir,
    tmp: options.tmp ?? context.tmp,
    ...(options.shellPrefix ? { shellPrefix: options.shellPrefix } : {}),
  });
  const held = ran.code === (options.code ?? 1) && expected.test(ran.stderr);
  return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
}

const LONG_BODY = 'A paragraph of the essay, long enough to take the browser a while. '.repeat(40);

export const smallCases: AuditCase[] = [
  {
    point: 9,
    name: 'Ctrl-C after the first document was committed',
    async run({ repo, dir, tmp }) {
      await writeFile(join(dir, 'first.md'), GOOD);
      await writeFile(join(dir, 'later.md'), GOOD.replace('Some text', `${LONG_BODY}\n\n`.repeat(300)));
      const ran = await runZine(repo, ['build', 'first.md', 'later.md', '--out', 'out', '--formats', 'reading'], {
        cwd: dir,
        tmp,
        onStart: (child) =>
          void (async () => {
            const deadline = Date.now() + 150_000;
            while (Date.now() < deadline && !existsSync(join(dir, 'out', 'first', 'reading.pdf'))) await sleep(100);
            child.ctrlC();
          })(),
      });
      const line = lastLine(ran);
      const held = ran.code === 130 && !/nothing was written/.test(line.replace(/nothing else was written/, '')) && /out\/first/.test(line) && ran.seconds < 2;
      return { held, code: exitOf(ran), seconds: ran.seconds, message: line };
    },
  },
  {
    point: 9,
    name: 'ulimit -f 200 (KB)',
    run: (context) => message(context, /ulimit -f/, { shellPrefix: 'ulimit -f 200' }),
  },
  {
    point: 9,
    name: 'a read-only TMPDIR',
    async run(context) {
      const mount = tmpfs(await mkdirp(join(context.dir, 'ro-tmp')), 'ro');
      if (!mount) return { held: false, code: '-', seconds: 0, message: 'could not mount a tmpfs here' };
      try {
        return await message(context, /(TMPDIR|temporary folder).*read-only/, { tmp: mount.path });
      } finally {
        mount.done();
      }
    },
  },
  {
    point: 9,
    name: 'a full TMPDIR',
    async run(context) {
      const mount = tmpfs(await mkdirp(join(context.dir, 'full-tmp')), 'size=256k');
      if (!mount) return { held: false, code: '-', seconds: 0, message: 'could not mount a tmpfs here' };
      try {
        await writeFile(join(mount.path, 'fill'), Buffer.alloc(300 * 1024)).catch(() => undefined);
        return await message(context, /(TMPDIR|temporary folder)[^\n]*full/, { tmp: mount.path });
      } finally {
        mount.done();
      }
    },
  },
  {
    point: 9,
    name: '--out on a read-only file system (EROFS)',
    async run(context) {
      const mount = tmpfs(await mkdirp(join(context.dir, 'ro')), 'ro');
      if (!mount) return { held: false, code: '-', seconds: 0, message: 'could not mount a tmpfs here' };
      try {
        return await message(context, /read-only/, { out: join(mount.path, 'out') });
      } finally {
        mount.done();
      }
    },
  },
  {
    point: 9,
    name: 'zine impose --keep-last -1',
    async run({ repo, dir, tmp }) {
      const pdf = await PDFDocument.create();
      pdf.addPage([300, 400]);
      await writeFile(join(dir, 'in.pdf'), await pdf.save());
      const ran = await runZine(repo, ['impose', 'in.pdf', '--layout', 'booklet', '--keep-last', '-1', '-o', 'out.pdf'], { cwd: dir, tmp });
      // A wrong value is a usage error: exit 2, the reason first, then the usage.
      const held = (ran.code === 1 || ran.code === 2) && /--keep-last/.test(ran.stderr) && !/ambiguous/i.test(ran.stderr);
      return { held, code: exitOf(ran), seconds: ran.seconds, message: ran.stderr.trim().split('\n')[0] ?? '' };
    },
  },
  {
    point: 9,
    name: 'a word of 2,000 letters',
    async run(context) {
      const source = GOOD.replace('Some text', `Some ${'a'.repeat(2000)} text`);
      // The line that says text was lost must carry the place (the build's other warnings do anyway).
      const outcome = await message(context, /e\.md:\d+:\d+: [^\n]*lost/, { source });
      // Printed whole is as good as refused at its place.
      return outcome.code === '0' ? { ...outcome, held: true } : outcome;
    },
  },
  {
    point: 9,
    name: 'a NUL byte in the text',
    run: (context) => message(context, /e\.md:\d+:\d+:.*(NUL|U\+0000|null)/i, { source: GOOD.replace('Some text', 'Some\u0000text') }),
  },
  {
    point: 9,
    name: 'zine init "emoji 🔥.md", then build it',
    async run({ repo, dir, tmp }) {
      const init = await runZine(repo, ['init', 'emoji 🔥.md'], { cwd: dir, tmp });
      if (init.code !== 0) {
        return { held: init.code === 1 && !existsSync(join(dir, 'emoji 🔥.md')), code: exitOf(init), seconds: init.seconds, message: lastLine(init) };
      }
      const ran = await runZine(repo, ['build', 'emoji 🔥.md', '--out', 'out', '--formats', 'reading'], { cwd: dir, tmp });
      return { held: ran.code === 0, code: `0→${exitOf(ran)}`, seconds: init.seconds + ran.seconds, message: lastLine(ran) };
    },
  },
];

async function mkdirp(path: string): Promise<string> {
  await mkdir(path, { recursive: true });
  return path;
}
