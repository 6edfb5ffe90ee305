/**
 * The booklet is imposed from the reading edition's finished PDF while the
 * tab still takes the gallery's pictures of its pages and the PDF is read
 * back, and is done only once the read-back is: a fault the read-back finds
 * still fails the build, and no booklet is left in place. The build here is
 * a real one; the pictures and the read-back are the build's, watched (and
 * held back, or made to fail) by the test.
 */
import { access, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../scripts/build.ts';
import { essayWords } from '../helpers/documents.ts';

const seen = vi.hoisted(() => ({ steps: [] as string[], failReadBack: false, imposing: [] as (() => void)[] }));

/** Resolves once the booklet's imposition has begun, or after 8 s. */
const imposingBegun = (): Promise<unknown> =>
  seen.steps.includes('booklet imposed from') ? Promise.resolve() : Promise.race([new Promise<void>((resolve) => seen.imposing.push(resolve)), new Promise((resolve) => setTimeout(resolve, 8_000))]);

vi.mock('../../scripts/gallery/page-pictures.ts', async (original) => {
  const module = await original<typeof import('../../scripts/gallery/page-pictures.ts')>();
  return {
    ...module,
    // The reading pages' pictures are cut once the booklet's imposition has begun, or after 8 s.
    takePagePictures: async (...args: Parameters<typeof module.takePagePictures>) => {
      const taken = await module.takePagePictures(...args);
      return taken && { cut: imposingBegun().then(() => seen.steps.push('pictures cut')).then(() => taken.cut) };
    },
  };
});

vi.mock('../../scripts/formats/read-back.ts', async (original) => {
  const module = await original<typeof import('../../scripts/formats/read-back.ts')>();
  return {
    ...module,
    // The reading edition's read-back ends once the booklet's imposition has begun, or after 8 s.
    checkReadBack: async (...args: Parameters<typeof module.checkReadBack>) => {
      seen.steps.push('read-back begins');
      await imposingBegun();
      await module.checkReadBack(...args);
      if (seen.failReadBack) throw new Error('the read-back failed on purpose');
      seen.steps.push('read-back ends');
    },
  };
});

vi.mock('../../scripts/formats/pdf-stages.ts', async (original) => {
  const module = await original<typeof import('../../scripts/formats/pdf-stages.ts')>();
  return {
    ...module,
    imposing: async () => {
      const imposing = await module.imposing();
      return {
        ...imposing,
        imposePdfWithPlan: async (...args: Parameters<typeof imposing.imposePdfWithPlan>) => {
          if (args[0].layout === 'booklet') {
            seen.steps.push('booklet imposed from');
            for (const resolve of seen.imposing.splice(0)) resolve();
          }
          return imposing.imposePdfWithPlan(...args);
        },
      };
    },
  };
});

const MARKDOWN = `---\ntitle: Booklet\n---\n\n${essayWords(200)}\n`;

async function built(formats: ('reading' | 'booklet')[]): Promise<{ out: string; error?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'zine-booklet-read-back-'));
  await writeFile(join(dir, 'booklet.md'), MARKDOWN);
  const out = join(dir, 'out');
  seen.steps.length = 0;
  try {
    await build({ files: [join(dir, 'booklet.md')], out, progress: false, formats });
    return { out };
  } catch (error) {
    return { out, error: error instanceof Error ? error.message : String(error) };
  }
}

describe('the booklet and the reading edition’s read-back', () => {
  it('imposes the booklet while the tab takes the reading pages’ pictures and the PDF is read back', async () => {
    const { out, error } = await built(['reading', 'booklet']);
    expect(error).toBeUndefined();
    expect(seen.steps).toEqual(['read-back begins', 'booklet imposed from', 'pictures cut', 'read-back ends']);
    await access(join(out, 'booklet', 'booklet.pdf'));
  }, 120_000);

  it('still fails the build when the read-back finds a fault, and leaves no booklet in place', async () => {
    seen.failReadBack = true;
    try {
      // The booklet alone: the reading edition, not asked for, is laid out and read back for it.
      const { out, error } = await built(['booklet']);
      expect(error).toContain('the read-back failed on purpose');
      await expect(access(join(out, 'booklet', 'booklet.pdf'))).rejects.toThrow();
    } finally {
      seen.failReadBack = false;
    }
  }, 120_000);
});
