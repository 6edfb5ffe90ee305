/**
 * Inputs that would run for ever, fill the memory or overflow the stack: each
 * ends in seconds with exit 1 and one line saying what and where.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, readdirSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { until } from './helpers/processes.ts';
import { startZine, zine } from './helpers/zine.ts';

let dir: string;
const FRONT = '---\ntitle: Bounds\n---\n\n';

/** Runs zine and returns its exit code, its last line and how long it took. */
async function timed(args: string[]): Promise<{ code: number; line: string; seconds: number }> {
  const started = Date.now();
  const result = await zine(args, dir);
  return { code: result.code, line: result.stderr.trim().split('\n').at(-1) ?? '', seconds: (Date.now() - started) / 1000 };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-bounds-'));
});

describe('the markdown stage is bounded', () => {
  const cases = [
    ['quotes', `${'>'.repeat(2000)} deep\n`, 'quotes.md:5:101: blockquotes nested 2,000 deep; the limit is 100'],
    ['lists', `${'- '.repeat(10_000)}x\n`, 'lists.md:5:201: lists nested 10,000 deep; the limit is 100'],
    ['stars', `${'*'.repeat(4000)}a${'*'.repeat(4000)}\n`, 'stars.md:5:1: a run of 4,000 `*`; the limit is 100: write fewer, or escape them as \\*'],
    ['run', `${'*'.repeat(50_000)}a${'*'.repeat(50_000)}\n`, 'run.md:5:1: a run of 50,000 `*`; the limit is 100: write fewer, or escape them as \\*'],
    ['emphasis', `${'*a '.repeat(1000)}b${' c*'.repeat(1000)}\n`, 'emphasis.md:5:301: emphasis marks nested 1,000 deep; the limit is 100'],
  ] as const;
  for (const [name, body, message] of cases) {
    it(`stops ${name} nested past the limit at its place, in seconds`, async () => {
      await writeFile(join(dir, `${name}.md`), FRONT + body);
      const result = await timed(['build', `${name}.md`, '--out', 'out', '--formats', 'reading']);
      expect(result.code).toBe(1);
      expect(result.line).toBe(message);
      expect(result.seconds).toBeLessThan(20);
    }, 30_000);
  }

  it('refuses a document too long to lay out, before layout, with its size and the limit', async () => {
    await writeFile(join(dir, 'long.md'), `${FRONT}\`\`\`\n${`${'x'.repeat(79)}\n`.repeat(25_000)}\`\`\`\n`);
    const result = await timed(['build', 'long.md', '--out', 'out', '--formats', 'reading']);
    expect(result.code).toBe(1);
    expect(result.line).toBe(
      'zine: long.md: the document is 2,000,031 characters long; at most 2,000,000 (about 1,000 pages) are laid out: split it into parts, or build --formats web',
    );
    expect(result.seconds).toBeLessThan(20);
  }, 30_000);
});

describe('a signal is heard during the markdown stage', () => {
  // Signalled only once the command runs (its browser's profile is made after the signal handlers are set):
  // a signal while node itself still starts ends the process the default way, with no code.
  const running = (pid: number | undefined) =>
    until(() => readdirSync(tmpdir()).some((name) => name.startsWith(`zinepress-profile-${pid}-`)), 30_000, 'the build to start');

  it('SIGTERM ends a build busy parsing 30,000 notes in one paragraph within 2 s', async () => {
    const n = 30_000;
    const calls = Array.from({ length: n }, (_, i) => `w[^${i}]`).join(' ');
    await writeFile(join(dir, 'notes.md'), `${FRONT}${calls}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n`);
    const run = startZine(['build', 'notes.md', '--out', 'out', '--formats', 'web'], dir);
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    await running(run.child.pid);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the parser takes minutes over this
    const stopped = Date.now();
    run.child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(Date.now() - stopped).toBeLessThan(2000);
    expect(run.stderr.text.trim().split('\n').at(-1)).toBe('zine: stopped by SIGTERM; nothing was written');
  }, 30_000);

  it('SIGTERM ends a build busy parsing a small source (3,000 notes, under 64 KB) within 2 s', async () => {
    const n = 3000;
    const text = `${FRONT}${Array.from({ length: n }, (_, i) => `w[^${i}]`).join(' ')}\n\n${Array.from({ length: n }, (_, i) => `[^${i}]: n`).join('\n')}\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(64_000);
    await writeFile(join(dir, 'small-notes.md'), text);
    const run = startZine(['build', 'small-notes.md', '--out', 'out', '--formats', 'web'], dir);
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    await running(run.child.pid);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the parser is busy for about 2 s on a quiet machine, 5 s or more under load
    const stopped = Date.now();
    run.child.kill('SIGTERM');
    expect(await exited, run.stderr.text).toBe(143);
    expect(Date.now() - stopped).toBeLessThan(2000);
  }, 30_000);
});

describe('only regular files are read', () => {
  it('refuses a named pipe as the source at once', async () => {
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    const result = await timed(['build', 'pipe.md', '--out', 'out']);
    expect(result).toMatchObject({ code: 1, line: 'zine: pipe.md is a named pipe (FIFO), not a regular file; zine reads a markdown source only from a file' });
    expect(result.seconds).toBeLessThan(10);
  }, 20_000);

  it('refuses /dev/zero to impose', async () => {
    const result = await timed(['impose', '/dev/zero', '--layout', 'booklet', '-o', 'imposed.pdf']);
    expect(result).toMatchObject({ code: 1, line: 'zine: /dev/zero is a device, not a regular file; zine reads a PDF to impose only from a file' });
  });

  it.runIf(process.getuid?.() === 0)('never replaces a device with the imposed PDF', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    pdf.addPage([300, 400]);
    await writeFile(join(dir, 'in.pdf'), await pdf.save());
    execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
    const result = await timed(['impose', 'in.pdf', '--layout', 'booklet', '-o', 'null']);
    expect(result.code).toBe(1);
    expect(result.line).toBe(`zine: cannot write null: it is a device, not a regular file, and is left as it is; choose a file name`);
    expect(lstatSync(join(dir, 'null')).isCharacterDevice()).toBe(true);
  });
});
