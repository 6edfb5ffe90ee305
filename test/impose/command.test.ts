import { chmod, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IMPOSE_USAGE, imposeCommand, parseImposeArgs } from '../../scripts/impose/command.ts';
import { MINI_LETTER, numberedPdf } from '../../scripts/impose/sample.ts';
import { ContentError, FileError, UsageError, ZineError } from '../../scripts/util/errors.ts';
import { readBack, tempDir } from './helpers.ts';

let dir: string;
let input: string;
let output: string;

beforeEach(async () => {
  dir = await tempDir();
  input = join(dir, 'in.pdf');
  output = join(dir, 'out.pdf');
  await writeFile(input, await numberedPdf(6));
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Runs the command and returns what it throws, checking that it left no file behind. */
async function failure(argv: string[]): Promise<ZineError> {
  const before = (await readdir(dir)).sort();
  const error = await imposeCommand(argv).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZineError);
  expect((await readdir(dir)).sort()).toEqual(before);
  expect((error as ZineError).message).not.toContain('\n');
  return error as ZineError;
}

const sortedNumbers = (sheet: { numbers: { n: number }[] }) => sheet.numbers.map((p) => p.n).sort((a, b) => a - b);

describe('zine impose, working', () => {
  it('writes a booklet: 6 pages on 2 sheets, blanks at the end', async () => {
    await imposeCommand([input, '--layout', 'booklet', '-o', output]);
    const sheets = await readBack(await readFile(output));
    expect(sheets.map((sheet) => [sheet.width, sheet.height])).toEqual(Array(4).fill([792, 612]));
    // Sheet 0: front [8|1], back [2|7]; sheet 1: front [6|3], back [4|5]; 7 and 8 are blank.
    expect(sheets.map(sortedNumbers)).toEqual([[1], [2], [3, 6], [4, 5]]);
  });

  it('takes every option, in any order', async () => {
    const argv = ['--paper', 'a4', '--keep-last', '1', '--duplex', 'long', `--output=${output}`, '--layout=booklet', input];
    await imposeCommand(argv);
    const sheets = await readBack(await readFile(output));
    expect(sheets.map((sheet) => [sheet.width, sheet.height])).toEqual(Array(4).fill([842, 595]));
    // 1 2 3 4 5 _ _ 6: the last page stays on the back cover, beside page 1.
    expect(sortedNumbers(sheets[0] as { numbers: { n: number }[] })).toEqual([1, 6]);
  });

  it('binds a booklet on the right with --binding right: page 1 on the left half of the outer sheet', async () => {
    await imposeCommand([input, '--layout', 'booklet', '--binding', 'right', '-o', output]);
    const [outside, inside] = await readBack(await readFile(output));
    // 6 pages padded to 8: sheet 0 front [1|8], back [7|2], with 7 and 8 blank.
    expect(outside?.numbers.map(({ n, x }) => ({ n, half: x < 396 ? 'left' : 'right' }))).toEqual([{ n: 1, half: 'left' }]);
    expect(inside?.numbers.map(({ n, x }) => ({ n, half: x < 396 ? 'left' : 'right' }))).toEqual([{ n: 2, half: 'right' }]);
  });

  it('writes a mini zine', async () => {
    await imposeCommand([input, '--layout', 'mini', '-o', output]);
    const sheets = await readBack(await readFile(output));
    expect(sheets.map(sortedNumbers)).toEqual([[1, 2, 3, 4, 5, 6]]);
  });

  it('folds 40 pages in signatures of 3 sheets with 1 mm of creep: 12 + 12 + 12 + 4 pages, inner pages moved toward the spine', async () => {
    await writeFile(input, await numberedPdf(40));
    await imposeCommand([input, '--layout', 'booklet', '--signature', '3', '--creep', '1mm', '-o', output]);
    const sheets = await readBack(await readFile(output));
    const plain = join(dir, 'plain.pdf');
    await imposeCommand([input, '--layout', 'booklet', '-o', plain, '--signature', '3']);
    const unmoved = await readBack(await readFile(plain));
    expect(sheets).toHaveLength(20);
    // The outer sheet of each signature carries that signature's last and first pages.
    expect([0, 6, 12, 18].map((side) => sortedNumbers(sheets[side] as { numbers: { n: number }[] }))).toEqual([[1, 12], [13, 24], [25, 36], [37, 40]]);
    // Sides 1–6 are the first signature's 3 sheets: their pages move 0, 0.5 and 1 mm toward the spine.
    const mm = 72 / 25.4;
    const moved = sheets.slice(0, 6).map((sheet, i) =>
      sheet.numbers.map((placed) => {
        const was = unmoved[i]?.numbers.find((other) => other.n === placed.n);
        const shift = placed.x - (was?.x ?? Number.NaN);
        return Math.round((placed.x < 396 ? shift : -shift) / mm * 100) / 100 + 0;
      }),
    );
    expect(moved).toEqual([[0, 0], [0, 0], [0.5, 0.5], [0.5, 0.5], [1, 1], [1, 1]]);
  });

  it('writes a 16-page zine: both sides of one sheet, 8 small pages a side, in the diagram\'s cells', async () => {
    await writeFile(input, await numberedPdf(16, MINI_LETTER));
    await imposeCommand([input, '--layout', 'mini16', '-o', output]);
    const sheets = await readBack(await readFile(output));
    expect(sheets.map((sheet) => [sheet.width, sheet.height])).toEqual([[792, 612], [792, 612]]);
    // Each number's cell: row (0 top) and column, from where its text starts.
    const cells = sheets.map((sheet) =>
      [...sheet.numbers].sort((a, b) => b.y - a.y || a.x - b.x).map((placed) => ({ n: placed.n, cell: `${placed.y > 306 ? 0 : 1},${Math.floor(placed.x / 198)}` })),
    );
    const expected = (rows: number[][]) => rows.flatMap((row, r) => row.map((n, c) => ({ n, cell: `${r},${c}` })));
    expect(cells[0]).toEqual(expected([[16, 1, 14, 3], [12, 5, 10, 7]]));
    expect(cells[1]).toEqual(expected([[4, 13, 2, 15], [8, 9, 6, 11]]));
  });

  it('prints its usage with --help and writes nothing', async () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await imposeCommand(['--help']);
    expect(write).toHaveBeenCalledWith(`${IMPOSE_USAGE}\n`);
    expect(await readdir(dir)).toEqual(['in.pdf']);
  });

  it('parses flags into typed options, leaving defaults to the plan', () => {
    expect(parseImposeArgs([input, '--layout', 'mini', '-o', output])).toEqual({
      input,
      output,
      layout: 'mini',
      paper: undefined,
      duplex: undefined,
      binding: undefined,
      keepLast: undefined,
    });
  });
});

describe('zine impose, used wrongly: exit 2', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['IN', '--layout', 'booklet', '-o', 'OUT', '--fold'], /unknown option `--fold` for zine impose/],
    ['a flag without its value', ['IN', '-o', 'OUT', '--layout'], /--layout/],
    ['no input', ['--layout', 'booklet', '-o', 'OUT'], /needs an input PDF/],
    ['two inputs', ['IN', 'IN', '--layout', 'booklet', '-o', 'OUT'], /one input PDF, not 2/],
    ['no -o', ['IN', '--layout', 'booklet'], /needs -o OUT\.pdf/],
    ['no layout', ['IN', '-o', 'OUT'], /needs --layout booklet or --layout mini/],
    ['an unknown layout', ['IN', '--layout', 'zine', '-o', 'OUT'], /unknown --layout 'zine': use booklet or mini/],
    ['an unknown paper', ['IN', '--layout', 'booklet', '--paper', 'legal', '-o', 'OUT'], /unknown --paper 'legal': use letter or a4/],
    ['an unknown duplex', ['IN', '--layout', 'booklet', '--duplex', 'both', '-o', 'OUT'], /unknown --duplex 'both'/],
    ['an unknown binding', ['IN', '--layout', 'booklet', '--binding', 'top', '-o', 'OUT'], /unknown --binding 'top': use left or right/],
    ['a keep-last that is no count', ['IN', '--layout', 'booklet', '--keep-last', 'all', '-o', 'OUT'], /--keep-last takes a whole number of pages, not 'all'/],
    ['a keep-last below zero', ['IN', '--layout', 'booklet', '--keep-last', '-1', '-o', 'OUT'], /^--keep-last takes a whole number of pages, not '-1'$/],
    ['a keep-last with a fraction', ['IN', '--layout', 'booklet', '--keep-last', '1.5', '-o', 'OUT'], /not '1\.5'/],
    ['a signature of no sheets', ['IN', '--layout', 'booklet', '--signature', '0', '-o', 'OUT'], /^--signature takes a whole number of sheets of at least 1, not '0'$/],
    ['a signature for the mini zine', ['IN', '--layout', 'mini', '--signature', '2', '-o', 'OUT'], /^--signature applies to --layout booklet only \(its sheets folded and nested\), not to --layout mini: leave it out$/],
    ['a creep for the slips', ['IN', '--layout', 'slips', '--creep', '1mm', '-o', 'OUT'], /^--creep applies to --layout booklet only .* not to --layout slips: leave it out$/],
    ['both for the 16-page zine', ['IN', '--layout', 'mini16', '--signature', '1', '--creep', '0.5mm', '-o', 'OUT'], /^--signature and --creep apply to --layout booklet only .* not to --layout mini16: leave them out$/],
    ['a creep without its unit', ['IN', '--layout', 'booklet', '--creep', '1', '-o', 'OUT'], /^--creep takes a length like 1mm, 0\.04in or 3pt, not '1'$/],
  ];
  it.each(cases)('%s', async (_, template, message) => {
    const argv = template.map((arg) => (arg === 'IN' ? input : arg === 'OUT' ? output : arg));
    const error = await failure(argv);
    expect(error).toBeInstanceOf(UsageError);
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(message);
  });
});

describe('zine impose, with input it cannot use: exit 1, no output', () => {
  async function contentFailure(bytes: Uint8Array | string, extra: string[] = []): Promise<ZineError> {
    await writeFile(input, bytes);
    const error = await failure([input, '--layout', 'booklet', '-o', output, ...extra]);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(input);
    return error;
  }

  it('not a PDF', async () => {
    expect((await contentFailure('# An essay in markdown\n')).message).toMatch(/is not a PDF/);
  });

  it('an encrypted PDF', async () => {
    const encrypted = await readFile(new URL('../fixtures/impose/encrypted/no-user-password.pdf', import.meta.url));
    expect((await contentFailure(encrypted)).message).toMatch(/is encrypted/);
  });

  it('a damaged PDF', async () => {
    const whole = await numberedPdf(8);
    expect((await contentFailure(whole.subarray(0, whole.length / 2))).message).toMatch(/is damaged/);
  });

  it('a PDF without pages', async () => {
    const empty = await (await PDFDocument.create()).save({ addDefaultPage: false });
    expect((await contentFailure(empty)).message).toMatch(/has no pages/);
  });

  it('more than 8 pages for a mini zine', async () => {
    await writeFile(input, await numberedPdf(12));
    const error = await failure([input, '--layout', 'mini', '-o', output]);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(/12 pages.*--layout booklet/);
  });

  it('a keep-last larger than the page count', async () => {
    const error = await failure([input, '--layout', 'booklet', '--keep-last', '7', '-o', output]);
    expect(error).toBeInstanceOf(ContentError);
    expect(error.message).toMatch(/--keep-last 7 .* 6 the PDF has/);
  });

  it('an input that does not exist', async () => {
    const error = await failure([join(dir, 'missing.pdf'), '--layout', 'booklet', '-o', output]);
    expect(error).toBeInstanceOf(FileError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/cannot read .*missing\.pdf/);
  });

  it('an output that cannot be written', async () => {
    // A path below a regular file can never be created.
    const error = await failure([input, '--layout', 'booklet', '-o', join(input, 'out.pdf')]);
    expect(error).toBeInstanceOf(FileError);
    expect(error.exitCode).toBe(1);
    expect(error.cause).toBeInstanceOf(Error);
  });

  // Root writes anywhere: there the case above stands for this one.
  it.skipIf(process.getuid?.() === 0)('an output directory without write permission', async () => {
    await chmod(dir, 0o500);
    try {
      const error = await failure([input, '--layout', 'booklet', '-o', output]);
      expect(error).toBeInstanceOf(FileError);
    } finally {
      await chmod(dir, 0o700);
    }
  });
});
