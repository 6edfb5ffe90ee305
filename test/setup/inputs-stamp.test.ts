import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ES module of the install step, without types.
import { inputsStamp } from '../../scripts/setup/inputs-stamp.mjs';

const stampOf = inputsStamp as (root: string) => Promise<string>;
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe('the stamp of what dist/ is compiled from', () => {
  it('stays while nothing changes, and changes with a file of scripts/, its time, a new file or the installed packages', async () => {
    const root = await mkdtemp(join(tmpdir(), 'zinepress-stamp-'));
    dirs.push(root);
    await mkdir(join(root, 'scripts', 'paginate'), { recursive: true });
    await writeFile(join(root, 'scripts', 'paginate', 'a.ts'), 'export const a = 1;\n');
    await writeFile(join(root, 'package.json'), '{}');
    const first = await stampOf(root);
    expect(await stampOf(root)).toBe(first);

    await writeFile(join(root, 'scripts', 'paginate', 'a.ts'), 'export const a = 2;\n');
    const edited = await stampOf(root);
    expect(edited).not.toBe(first);
    await utimes(join(root, 'scripts', 'paginate', 'a.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
    const touched = await stampOf(root);
    expect(touched).not.toBe(edited);
    await writeFile(join(root, 'scripts', 'b.ts'), '');
    const added = await stampOf(root);
    expect(added).not.toBe(touched);
    await mkdir(join(root, 'node_modules'));
    await writeFile(join(root, 'node_modules', '.package-lock.json'), '{}');
    expect(await stampOf(root)).not.toBe(added);
  });
});
