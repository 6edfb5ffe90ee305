import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest, longest first: their CPU time, each run alone
 * on the 2-core machine (`npm run bench:tests`, docs/testing.md), from 137 s
 * down to 10 s. They start first, so that no worker is still busy with one of
 * them long after the other has run out of files; the others, 8 s and less,
 * follow in vitest's order.
 */
export const LONGEST_FILES = [
  'test/paginate/pagedjs-patches.test.ts', // builds the essay and every fixture, lays each out stock and patched
  'test/corpus/corpus.test.ts', // builds the udhr sample and the long texts, reads them back with three engines
  'test/build-long.test.ts',
  'test/cli.test.ts',
  'test/paginate/long-content.test.ts',
  'test/cli-faults.test.ts',
  'test/formats/formats.test.ts',
  'test/formats/covers.test.ts',
  'test/formats/layout-repair.test.ts',
  'test/paginate/relayout.test.ts',
  'test/gallery/gallery.test.ts',
  'test/build.test.ts',
  'test/markdown/fuzz.test.ts',
  'test/build-fuzz.test.ts',
  'test/cli-bounds.test.ts',
  'test/formats/read-back/images.test.ts',
];

/**
 * Vitest's order (files that failed last time first, then the longest of
 * the last run, or the largest when there was none, as in a fresh clone),
 * with the files of LONGEST_FILES ahead of all the others.
 */
export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = LONGEST_FILES.findIndex((file) => spec.moduleId.replaceAll('\\', '/').endsWith(`/${file}`));
      return at === -1 ? LONGEST_FILES.length : at;
    };
    return sorted
      .map((spec, index) => ({ spec, index }))
      .sort((a, b) => rank(a.spec) - rank(b.spec) || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
