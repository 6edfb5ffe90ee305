/**
 * The browser's own fontconfig is written once: a build that finds the same
 * fonts.conf and font in place leaves them as they are, so no build rewrites
 * what another build's browser may be reading, and none leaves a copy behind.
 */
import { mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontconfigEnv } from '../../scripts/browser/fontconfig.ts';

describe('fontconfigEnv', () => {
  it('writes fonts.conf and its font once, and again only when they differ', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-fontconfig-'));
    const env = await fontconfigEnv({ dir });
    const conf = env.FONTCONFIG_FILE as string;
    const font = join(dir, 'fonts', 'last-resort.ttf');
    const [firstConf, firstFont] = await Promise.all([stat(conf), stat(font)]);

    await fontconfigEnv({ dir });
    const [sameConf, sameFont] = await Promise.all([stat(conf), stat(font)]);
    expect([sameConf.ino, sameConf.mtimeMs]).toEqual([firstConf.ino, firstConf.mtimeMs]);
    expect([sameFont.ino, sameFont.mtimeMs]).toEqual([firstFont.ino, firstFont.mtimeMs]);

    await writeFile(conf, '<fontconfig/>');
    await fontconfigEnv({ dir });
    expect((await stat(conf)).ino).not.toBe(firstConf.ino);
    expect((await readdir(dir)).sort()).toEqual(['cache', 'fonts', 'fonts.conf']);
  });
});
