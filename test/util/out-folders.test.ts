import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentName, isInside, outFolder, refuseInputsInside, refuseSharedFolders } from '../../scripts/util/out-folders.ts';

describe('out folders', () => {
  it('puts each document in <out>/<name>', () => {
    expect(outFolder('output', 'source/essay.md')).toBe('output/essay');
  });

  it('refuses two documents with one folder, naming both, case aside', () => {
    expect(() => refuseSharedFolders(['a/e.md', 'b/e.md'], 'out')).toThrow('a/e.md and b/e.md would both be written to out/e');
    expect(() => refuseSharedFolders(['a/Essay.md', 'b/essay.md'], 'out')).toThrow(/a\/Essay\.md and b\/essay\.md/);
    expect(() => refuseSharedFolders(['a/e.md', './a/e.md'], 'out')).toThrow('./a/e.md is named twice');
    expect(() => refuseSharedFolders(['a/e.md', 'a/f.md'], 'out')).not.toThrow();
  });

  it('refuses a folder that holds the source or one of its images', async () => {
    expect(isInside('essay/essay.md', 'essay')).toBe(true);
    expect(isInside('essay-2/x.md', 'essay')).toBe(false);
    await expect(refuseInputsInside('essay', 'essay/essay.md', [])).rejects.toThrow(/over essay\/essay\.md/);
    await expect(refuseInputsInside('out/e', 'e.md', ['/abs/pic.png', 'out/e/images/pic.png'])).rejects.toThrow(/over out\/e\/images\/pic\.png/);
    await expect(refuseInputsInside('out/e', 'e.md', ['images/pic.png'])).resolves.toBeUndefined();
  });

  it('compares by real path: an --out that is a link to the source’s folder is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-out-'));
    await mkdir(join(dir, 'out7', 'e'), { recursive: true });
    await writeFile(join(dir, 'out7', 'e', 'e.md'), '# E');
    await symlink(join(dir, 'out7'), join(dir, 'outlink'));
    await expect(refuseInputsInside(join(dir, 'outlink', 'e'), join(dir, 'out7', 'e', 'e.md'), [])).rejects.toThrow(/which the build reads/);
    // and the other way round: a source reached through a link into the output folder
    await expect(refuseInputsInside(join(dir, 'out7', 'e'), join(dir, 'outlink', 'e', 'e.md'), [])).rejects.toThrow(/which the build reads/);
  });

  it('names a document by a plain, visible name, or refuses it', () => {
    expect(documentName('source/essay.md')).toBe('essay');
    expect(documentName('emoji 🔥.md')).toBe('emoji 🔥');
    for (const source of ['..md', '...md', 'a/.md', '.hidden.md', 'x/.zinepress-tmp-1-a.md']) {
      expect(() => documentName(source), source).toThrow(/names its output folder, so it must not start with a dot/);
    }
    expect(() => refuseSharedFolders(['..md'], 'out')).toThrow(/\.\.md: a document's name/);
  });
});
