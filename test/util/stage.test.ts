import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStage } from '../../scripts/util/stage.ts';

describe('stage', () => {
  it('moves the finished files into place together, leaving scratch files and the folder behind', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(join(target, 'fonts'), { recursive: true });
    await writeFile(join(target, 'reading.pdf'), 'old');
    await writeFile(join(target, 'fonts', 'stale.woff2'), 'old');

    const stage = await openStage(target);
    await stage.write('reading.pdf', 'new');
    await stage.write('.mini.html', 'scratch');
    await mkdir(join(stage.dir, 'fonts'));
    await writeFile(join(stage.dir, 'fonts', 'a.woff2'), 'font');
    expect(await readFile(join(target, 'reading.pdf'), 'utf8')).toBe('old');

    await stage.commit();
    expect(await readFile(join(target, 'reading.pdf'), 'utf8')).toBe('new');
    expect(await readdir(join(target, 'fonts'))).toEqual(['a.woff2']);
    expect((await readdir(target)).sort()).toEqual(['fonts', 'reading.pdf']);
    expect(await readdir(out)).toEqual(['essay']);
  });

  it('leaves the earlier files as they were when discarded', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(target);
    await writeFile(join(target, 'reading.pdf'), 'old');
    const stage = await openStage(target);
    await stage.write('reading.pdf', 'half');
    await stage.discard();
    expect(await readFile(join(target, 'reading.pdf'), 'utf8')).toBe('old');
    expect(await readdir(out)).toEqual(['essay']);
  });
});
