/**
 * Issue 30's attacks on the output folder, as a user would meet them: links
 * planted in output/, an --out that is a link to the sources, document names
 * that escape. Nothing outside the output folder changes, checked by checksum.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { GOOD, snapshot, zine } from './helpers/zine.ts';

let root: string;
let project: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'zine-links-'));
  project = join(root, 'project');
  await mkdir(join(root, 'sibling'), { recursive: true });
  await writeFile(join(root, 'sibling', 'precious.txt'), 'a sibling project’s file');
  await mkdir(project);
  await writeFile(join(project, 'a.md'), GOOD);
  await writeFile(join(project, 'z.md'), GOOD);
});

describe('zine build and links planted in output/', () => {
  it('refuses a marker linked outside and a folder linked to the parent, naming each link; nothing beside the project changes', async () => {
    const before = await snapshot(root);
    await mkdir(join(project, 'output', 'a'), { recursive: true });
    await symlink('../../../.zinepress', join(project, 'output', 'a', '.zinepress'));
    await symlink('../..', join(project, 'output', 'z'));
    const result = await zine(['build', 'a.md', 'z.md', '--out', 'output', '--formats', 'reading'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('zine: output/a/.zinepress is a symbolic link (to ../../../.zinepress)');
    expect(result.stderr).toContain('zine: output/z is a symbolic link (to ../..)');
    expect(existsSync(join(root, '.zinepress'))).toBe(false);
    expect(await snapshot(root)).toEqual(before);
    // A second build changes nothing either.
    expect((await zine(['build', 'z.md', '--out', 'output', '--formats', 'reading'], project)).code).toBe(1);
    expect(await snapshot(root)).toEqual(before);
  }, 60_000);

  it('refuses an --out that is a link to the source’s own output folder, deleting nothing', async () => {
    await mkdir(join(project, 'out7', 'e'), { recursive: true });
    await writeFile(join(project, 'out7', 'e', 'e.md'), GOOD);
    await writeFile(join(project, 'out7', 'e', 'notes.txt'), 'notes');
    await symlink('out7', join(project, 'outlink'));
    const result = await zine(['build', 'out7/e/e.md', '--out', 'outlink', '--formats', 'reading'], project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^zine: --out would write outlink\/e over out7\/e\/e\.md, which the build reads/m);
    expect((await readdir(join(project, 'out7', 'e'))).sort()).toEqual(['e.md', 'notes.txt']);
  }, 60_000);

  it('refuses sources named ..md and ...md before anything is written', async () => {
    await writeFile(join(project, '..md'), GOOD);
    await writeFile(join(project, '...md'), GOOD);
    for (const source of ['..md', '...md']) {
      const result = await zine(['build', source, '--out', 'out/inner', '--formats', 'reading'], project);
      expect(result.code, source).toBe(1);
      expect(result.stderr.trim()).toBe(`zine: ${source}: a document's name (its file's, without .md) names its output folder, so it must not start with a dot; rename the file, e.g. to essay.md`);
    }
    expect(existsSync(join(project, 'out'))).toBe(false);
  }, 60_000);
});
