/**
 * A few generated documents through the whole build: each is made or refused
 * with a message (never an internal error), and no browser process outlives
 * the build that started it.
 */
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { build } from '../scripts/build.ts';
import { ZineError } from '../scripts/util/errors.ts';
import { documents } from './helpers/markdown-arbitraries.ts';
import { childrenOf } from './helpers/processes.ts';

describe('the whole build on generated documents', () => {
  it('makes or refuses each with a message, and leaves no browser running', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-fuzz-'));
    // A seed whose six documents include some the build makes (most generated documents are refused early).
    const samples = fc.sample(documents, { seed: 14, numRuns: 6 });
    const outcomes: string[] = [];
    for (const [index, text] of samples.entries()) {
      const source = join(dir, `doc-${index}.md`);
      await writeFile(source, text);
      const outcome = await build({ files: [source], out: join(dir, 'out'), progress: false }).then(
        () => 'made',
        (error: unknown) => (error instanceof ZineError ? 'refused' : `crashed: ${String(error)}`),
      );
      outcomes.push(outcome);
      if (process.platform === 'linux') expect(childrenOf(process.pid).filter((p) => /chrom/i.test(p.command))).toEqual([]);
    }
    expect(outcomes.filter((outcome) => outcome.startsWith('crashed'))).toEqual([]);
    expect(outcomes).toContain('made');
    const left = await readdir(join(dir, 'out')).catch(() => [] as string[]);
    expect(left.filter((name) => name.startsWith('.'))).toEqual([]);
  }, 300_000);
});
