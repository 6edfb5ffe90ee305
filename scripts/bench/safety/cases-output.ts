/**
 * Issue 30, points 1, 2, 4 and 5: links planted in output/, a device as the
 * imposed PDF's target, the source deleted through a linked --out, and
 * document names that escape. Each holds when nothing outside the output
 * folder changed.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, lstat, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { exitOf, GOOD, lastLine, runZine, snapshot, type AuditCase } from './harness.ts';

/** root/project with the given sources, and root/sibling/precious.txt beside it. */
async function project(dir: string, sources: string[]): Promise<string> {
  const home = join(dir, 'project');
  await mkdir(join(dir, 'sibling'), { recursive: true });
  await writeFile(join(dir, 'sibling', 'precious.txt'), 'a sibling project’s file');
  await mkdir(home, { recursive: true });
  for (const source of sources) await writeFile(join(home, source), GOOD);
  return home;
}

/** Everything under `dir` but what lies in project/output (where the build may write) and the TMPDIR given to zine. */
const outsideOutput = (dir: string) => snapshot(dir, (path) => path.startsWith(join('project', 'output')) || path === '.tmp' || path.startsWith('.tmp/'));

export const outputCases: AuditCase[] = [
  {
    point: 1,
    name: 'output/a/.zinepress → ../../../.zinepress and output/z → ../..',
    async run({ repo, dir, tmp }) {
      const home = await project(dir, ['a.md', 'z.md']);
      await mkdir(join(home, 'output', 'a'), { recursive: true });
      await symlink('../../../.zinepress', join(home, 'output', 'a', '.zinepress'));
      await symlink('../..', join(home, 'output', 'z'));
      const before = await outsideOutput(dir);
      const ran = await runZine(repo, ['build', 'a.md', 'z.md', '--out', 'output', '--formats', 'reading'], { cwd: home, tmp });
      const held = (await outsideOutput(dir)) === before && !existsSync(join(dir, '.zinepress'));
      return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
    },
  },
  {
    point: 1,
    name: 'output/b → ../.. , built twice',
    async run({ repo, dir, tmp }) {
      const home = await project(dir, ['b.md']);
      await mkdir(join(home, 'output'), { recursive: true });
      await symlink('../..', join(home, 'output', 'b'));
      const before = await outsideOutput(dir);
      const args = ['build', 'b.md', '--out', 'output', '--formats', 'reading'];
      const first = await runZine(repo, args, { cwd: home, tmp });
      const second = await runZine(repo, args, { cwd: home, tmp });
      const held = (await outsideOutput(dir)) === before && !existsSync(join(dir, '.zinepress'));
      return { held, code: `${exitOf(first)}/${exitOf(second)}`, seconds: first.seconds + second.seconds, message: lastLine(second) };
    },
  },
  {
    point: 2,
    name: 'zine impose IN.pdf -o NULL (a mknod c 1 3 device)',
    async run({ repo, dir, tmp }) {
      const pdf = await PDFDocument.create();
      pdf.addPage([300, 400]);
      await writeFile(join(dir, 'in.pdf'), await pdf.save());
      execFileSync('mknod', [join(dir, 'null'), 'c', '1', '3']);
      const ran = await runZine(repo, ['impose', 'in.pdf', '--layout', 'booklet', '-o', 'null'], { cwd: dir, tmp });
      const held = (await lstat(join(dir, 'null'))).isCharacterDevice();
      return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
    },
  },
  {
    point: 4,
    name: 'build out7/e/e.md --out outlink (outlink → out7)',
    async run({ repo, dir, tmp }) {
      await mkdir(join(dir, 'out7', 'e'), { recursive: true });
      await writeFile(join(dir, 'out7', 'e', 'e.md'), GOOD);
      await writeFile(join(dir, 'out7', 'e', 'notes.txt'), 'notes');
      await symlink('out7', join(dir, 'outlink'));
      const ran = await runZine(repo, ['build', 'out7/e/e.md', '--out', 'outlink', '--formats', 'reading'], { cwd: dir, tmp });
      const left = await readdir(join(dir, 'out7', 'e'));
      const held = left.includes('e.md') && left.includes('notes.txt');
      return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
    },
  },
  {
    point: 4,
    name: 'out/e a link to a folder with a planted marker and precious.txt',
    async run({ repo, dir, tmp }) {
      await writeFile(join(dir, 'e.md'), GOOD);
      // A real marker, from a build elsewhere, planted in the folder out/e leads to.
      const real = await runZine(repo, ['build', 'e.md', '--out', 'real', '--formats', 'web'], { cwd: dir, tmp });
      await mkdir(join(dir, 'victim'));
      await writeFile(join(dir, 'victim', 'precious.txt'), 'keep me');
      if (existsSync(join(dir, 'real', 'e', '.zinepress'))) await copyFile(join(dir, 'real', 'e', '.zinepress'), join(dir, 'victim', '.zinepress'));
      await mkdir(join(dir, 'out'));
      await symlink('../victim', join(dir, 'out', 'e'));
      const before = await snapshot(join(dir, 'victim'));
      const ran = await runZine(repo, ['build', 'e.md', '--out', 'out', '--formats', 'reading'], { cwd: dir, tmp });
      const held = (await snapshot(join(dir, 'victim'))) === before;
      return { held, code: `${exitOf(real)}→${exitOf(ran)}`, seconds: ran.seconds, message: lastLine(ran) };
    },
  },
  ...['..md', '...md'].map(
    (source): AuditCase => ({
      point: 5,
      name: `a source named ${source}, --out out/inner`,
      async run({ repo, dir, tmp }) {
        await writeFile(join(dir, source), GOOD);
        await mkdir(join(dir, 'out', 'inner', 'essay'), { recursive: true });
        await writeFile(join(dir, 'out', 'inner', 'essay', 'keep.txt'), 'an essay folder of the user');
        await writeFile(join(dir, 'out', 'beside.txt'), 'beside --out');
        const ran = await runZine(repo, ['build', source, '--out', 'out/inner', '--formats', 'reading'], { cwd: dir, tmp });
        // Allowed: a folder in out/inner named like a document (no dot first) and the gallery, out/inner/index.html.
        const files = async (folder: string) =>
          (await readdir(folder, { withFileTypes: true })).filter((entry) => !entry.isDirectory() || entry.name.startsWith('.')).map((entry) => entry.name);
        const held =
          existsSync(join(dir, 'out', 'inner', 'essay', 'keep.txt')) &&
          (await readdir(join(dir, 'out', 'inner', 'essay'))).length === 1 &&
          (await files(join(dir, 'out'))).join() === 'beside.txt' &&
          (await files(join(dir, 'out', 'inner'))).every((name) => name === 'index.html');
        return { held, code: exitOf(ran), seconds: ran.seconds, message: lastLine(ran) };
      },
    }),
  ),
];
