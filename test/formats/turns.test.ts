/**
 * A layout's turn at the gate is held only while its tab works: once Chromium
 * has printed the pages (and the pictures are taken), the tab is closed and
 * the next layout starts, while node still finishes the PDF. A finish that
 * fails still fails the build. The build here is a real one, on one core;
 * the PDF's finishing is the build's, watched (and held back, or made to
 * fail) by the test.
 */
import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readPrinted } from '../../scripts/formats/read-back/printed-text.ts';
import { essayWords } from '../helpers/documents.ts';

const seen = vi.hoisted(() => ({ steps: [] as string[], failFinish: false, cardLaidOut: () => undefined as void }));

vi.mock('../../scripts/paginate/paginate.ts', async (original) => {
  const module = await original<typeof import('../../scripts/paginate/paginate.ts')>();
  return {
    ...module,
    paginate: async (options: Parameters<typeof module.paginate>[0]) => {
      const name = basename(options.htmlPath);
      seen.steps.push(`layout ${name}`);
      const laidOut = await module.paginate(options);
      if (name === '.card.html') seen.cardLaidOut();
      return laidOut;
    },
  };
});

vi.mock('../../scripts/formats/pdf-stages.ts', async (original) => {
  const module = await original<typeof import('../../scripts/formats/pdf-stages.ts')>();
  return {
    ...module,
    printing: async () => {
      const printing = await module.printing();
      return {
        ...printing,
        // The first PDF finished (the reading edition's) waits until the card is laid out, or 8 s.
        finishPdf: async (...args: Parameters<typeof printing.finishPdf>) => {
          const first = !seen.steps.some((step) => step.startsWith('finished'));
          if (first) {
            seen.steps.push('finishing');
            const card = new Promise<void>((resolve) => {
              seen.cardLaidOut = resolve;
            });
            if (!seen.steps.includes('layout .card.html')) await Promise.race([card, new Promise((resolve) => setTimeout(resolve, 8_000))]);
          }
          if (seen.failFinish) throw new Error('the finish failed on purpose');
          const pdf = await printing.finishPdf(...args);
          seen.steps.push(`finished ${pdf.length > 0 ? 'a PDF' : 'nothing'}`);
          return pdf;
        },
      };
    },
  };
});

const MARKDOWN = `---\ntitle: Turns\n---\n\n${essayWords(120)}\n\n::::tear-off\n## The card\n\n${essayWords(30, 50)}\n\n:::address\nA. Person\n:::\n::::\n`;

async function builtInOneCore(): Promise<{ out: string; error?: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'zine-turns-'));
  await writeFile(join(dir, 'turns.md'), MARKDOWN);
  const out = join(dir, 'out');
  seen.steps.length = 0;
  try {
    await build({ files: [join(dir, 'turns.md')], out, progress: false, formats: ['reading', 'slips'], concurrency: 1 });
    return { out };
  } catch (error) {
    return { out, error: error instanceof Error ? error.message : String(error) };
  }
}

describe('a layout on the only core', () => {
  it('gives its turn to the next layout once its tab has printed, before node has finished its PDF', async () => {
    const { out, error } = await builtInOneCore();
    expect(error).toBeUndefined();
    // The reading edition is laid out first; the card's layout starts while the reading PDF is still being finished.
    expect(seen.steps.slice(0, 3)).toEqual(['layout turns.html', 'finishing', 'layout .card.html']);
    expect(seen.steps.filter((step) => step === 'finished a PDF')).toHaveLength(2);
    const reading = await readPrinted(await readFile(join(out, 'turns', 'reading.pdf')));
    expect(reading.map((page) => page.lines.map((line) => line.text).join(' ')).join(' ')).toContain('The card');
    await access(join(out, 'turns', 'slips.pdf'));
  }, 120_000);

  it('still fails the build when the PDF cannot be finished, and leaves no document in place', async () => {
    seen.failFinish = true;
    try {
      const { out, error } = await builtInOneCore();
      expect(error).toContain('the finish failed on purpose');
      await expect(access(join(out, 'turns', 'reading.pdf'))).rejects.toThrow();
    } finally {
      seen.failFinish = false;
    }
  }, 120_000);
});
