/**
 * Lone lines in the mini zine: its leading (1.28) is less than the height of
 * Source Serif 4's line box (1.37 em), so the boxes of two lines overlap, and
 * the lone-line control took two lines of a paragraph for one and moved the
 * wrong line over: udhr-cas ended pages 4 and 6 with a paragraph's first line
 * alone, and the read-back of the mini zine's pages (formats/read-back.ts,
 * which reads the pages before they are imposed) refused it.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readPrinted } from '../../scripts/formats/read-back/printed-text.ts';

const FIXTURE = join('test', 'fixtures', 'paginate', 'lone-lines', 'cas.md');

describe('lone lines in the mini zine', () => {
  it('are kept: udhr-cas passes the read-back and its mini zine is made', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-mini-lone-'));
    await expect(build({ files: [FIXTURE], out, progress: false, gallery: false, formats: ['mini'] })).resolves.not.toThrow();
    const [sheet] = await readPrinted(await readFile(join(out, 'cas', 'mini.pdf')), { images: false });
    // One sheet holding the whole text, its last words among them.
    expect(sheet?.lines.map((line) => line.text).join(' ')).toContain('tupuj jäm yu');
  }, 120_000);
});
