/**
 * The booklet is imposed from the reading edition's finished PDF while the
 * tab still takes the gallery's pictures of its pages and the PDF is read
 * back, and the gallery starts drawing its sides then; it is done only once
 * the read-back is: a fault the read-back finds still fails the build, and no
 * booklet is left in place. The build here is a real one; the pictures, the
 * gallery and the read-back are the build's, watched (and held back, or made
 * to fail) by the test.
 */
import { access, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../scripts/build.ts';
import { essayWords } from '../helpers/documents.ts';

const seen = vi.hoisted(() => ({ steps: [] as string[], failReadBack: false, waiting: [] as (() => void)[] }));

/** Resolves once `step` is seen, or 8 s after it is first asked for. */
async function seenStep(step: string, until = Date.now() + 8_000): Promise<void> {
  while (!seen.steps.includes(step) && Date.now() < until) {
    await Promise.race([new Promise<void>((resolve) => seen.waiting.push(resolve)), new Promise((resolve) => setTimeout(resolve, until - Date.now()))]);
  }
}

const step = (name: string): void => {
  seen.steps.push(name);
  for (const resolve of seen.waiting.splice(0)) resolve();
};

vi.mock('../../scripts/gallery/gallery.ts', async (original) => {
  const module = await original<typeof import('../../scripts/gallery/gallery.ts')>();
  return {
    ...module,
    documentThumbnails: (...args: Parameters<typeof module.documentThumbnails>) => {
      const thumbnails = module.documentThumbnails(...args);
      return {
        ...thumbnails,
        onMade: (made: Parameters<typeof thumbnails.onMade>[0]) => {
          step(`gallery told of ${made.file}`);
          thumbnails.onMade(made);
        },
      };
    },
  };
});

vi.mock('../../scripts/gallery/page-pictures.ts', async (original) => {
  const module = await original<typeof import('../../scripts/gallery/page-pictures.ts')>();
  return {
    ...module,
    // The reading pages' pictures are cut once the booklet's imposition has begun, or after 8 s.
    takePagePictures: async (...args: Parameters<typeof module.takePagePictures>) => {
      const taken = await module.takePagePictures(...args);
      return taken && { cut: seenStep('booklet imposed from').then(() => step('pictures cut')).then(() => taken.cut) };
    },
  };
});

vi.mock('../../scripts/formats/read-back.ts', async (original) => {
  const module = await original<typeof import('../../scripts/formats/read-back.ts')>();
  return {
    ...module,
    // The reading edition's read-back ends once the gallery is told of the booklet, or after 8 s.
    checkReadBack: async (...args: Parameters<typeof module.checkReadBack>) => {
      step('read-back begins');
      await seenStep('gallery told of booklet.pdf');
      await module.checkReadBack(...args);
      if (seen.failReadBack) throw new Error('the read-back failed on purpose');
      step('read-back ends');
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
            step('booklet imposed from');
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
  it('imposes the booklet while the tab takes the reading pages’ pictures and the PDF is read back, and has its sides drawn then', async () => {
    const { out, error } = await built(['reading', 'booklet']);
    expect(error).toBeUndefined();
    expect(seen.steps).toEqual(['read-back begins', 'booklet imposed from', 'pictures cut', 'gallery told of booklet.pdf', 'read-back ends', 'gallery told of reading.pdf']);
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
