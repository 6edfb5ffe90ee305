import { mkdir, mkdtemp, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER, openStage } from '../../scripts/util/stage.ts';
import { removeStaleStages } from '../../scripts/util/stale-stages.ts';

describe('stage', () => {
  it('moves the finished files into place together, leaving scratch files and the folder behind', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(join(target, 'fonts'), { recursive: true });
    await writeFile(join(target, MARKER), '');
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
    expect((await readdir(target)).sort()).toEqual([MARKER, 'fonts', 'reading.pdf']);
    expect(await readdir(out)).toEqual(['essay']);
  });

  it('leaves the earlier files as they were when discarded', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(target);
    await writeFile(join(target, MARKER), '');
    await writeFile(join(target, 'reading.pdf'), 'old');
    const stage = await openStage(target);
    await stage.write('reading.pdf', 'half');
    await stage.discard();
    expect(await readFile(join(target, 'reading.pdf'), 'utf8')).toBe('old');
    expect(await readdir(out)).toEqual(['essay']);
  });

  it('removes what the previous build made and this one did not, other formats too, keeping what it did not make', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    const first = await openStage(target);
    await mkdir(join(first.dir, 'images'));
    await first.write('images/old.png', 'no longer used');
    await first.write('mini.pdf', 'made before');
    await first.commit();
    await writeFile(join(target, 'precious.txt'), 'put there by someone');
    const stage = await openStage(target);
    await stage.write('reading.pdf', 'new');
    await stage.commit({ removeOthers: true });
    expect((await readdir(target)).sort()).toEqual([MARKER, 'precious.txt', 'reading.pdf']);
    expect(await readFile(join(target, MARKER), 'utf8')).toMatch(/\nIt made:\nreading\.pdf\n$/);
  });

  it('deletes nothing a planted marker does not list as made', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(target);
    await writeFile(join(target, MARKER), 'Made by zine build\n');
    await writeFile(join(target, 'precious.txt'), 'mine');
    const stage = await openStage(target);
    await stage.write('reading.pdf', 'new');
    await stage.commit({ removeOthers: true });
    expect(await readFile(join(target, 'precious.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a folder it did not make, and writes nothing beside it', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const target = join(out, 'essay');
    await mkdir(join(target, 'images'), { recursive: true });
    await writeFile(join(target, 'images', 'a.png'), 'the author’s');
    await expect(openStage(target)).rejects.toThrow(/already exists and was not made by zine build/);
    expect(await readdir(out)).toEqual(['essay']);
    expect(await readdir(join(target, 'images'))).toEqual(['a.png']);
  });

  it('names its folder after the process, and a later build removes those of processes that ended', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-stage-'));
    const stage = await openStage(join(out, 'essay'));
    expect(stage.dir).toContain(`.zinepress-tmp-${process.pid}-`);
    // 2^22 is above Linux's highest process id: no process runs with it.
    await mkdir(join(out, '.zinepress-tmp-4194305-abc123', 'fonts'), { recursive: true });
    await mkdir(join(out, '.zinepress-tmp-1-abc123')); // init runs: its folder stays
    await mkdir(join(out, '.zinepress-tmp-abc123')); // no process id, made just now: left alone
    await mkdir(join(out, '.zinepress-tmp-old456')); // no process id, two days old: removed
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(join(out, '.zinepress-tmp-old456'), twoDaysAgo, twoDaysAgo);
    expect((await removeStaleStages(out)).sort()).toEqual(['.zinepress-tmp-4194305-abc123', '.zinepress-tmp-old456']);
    expect((await readdir(out)).sort()).toEqual(['.zinepress-tmp-1-abc123', '.zinepress-tmp-abc123', stage.dir.slice(out.length + 1)].sort());
    await stage.discard();
  });
});
