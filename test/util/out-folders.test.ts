import { describe, expect, it } from 'vitest';
import { isInside, outFolder, refuseInputsInside, refuseSharedFolders } from '../../scripts/util/out-folders.ts';

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

  it('refuses a folder that holds the source or one of its images', () => {
    expect(isInside('essay/essay.md', 'essay')).toBe(true);
    expect(isInside('essay-2/x.md', 'essay')).toBe(false);
    expect(() => refuseInputsInside('essay', 'essay/essay.md', [])).toThrow(/over essay\/essay\.md/);
    expect(() => refuseInputsInside('out/e', 'e.md', ['/abs/pic.png', 'out/e/images/pic.png'])).toThrow(/over out\/e\/images\/pic\.png/);
    expect(() => refuseInputsInside('out/e', 'e.md', ['images/pic.png'])).not.toThrow();
  });
});
