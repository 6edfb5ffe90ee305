/**
 * `zine impose IN.pdf --layout booklet|mini|slips [--paper letter|a4]
 *  [--duplex short|long] [--binding left|right] [--keep-last N] -o OUT.pdf`
 *
 * Reads IN.pdf, imposes it and writes OUT.pdf atomically: on any failure no
 * output file is left behind (an existing OUT.pdf stays as it was).
 * Usage mistakes throw UsageError (exit 2); unusable PDFs ContentError (exit 1).
 */
import { IMPOSE_COMMAND, type ImposeCommandOptions } from '../cli/commands/impose.ts';
import { parseCommand } from '../cli/parse.ts';
import { commandHelp } from '../cli/usage.ts';
import { FileError, UsageError, ZineError } from '../util/errors.ts';
import { IMPOSE_BYTES } from '../config/limits.ts';
import { readRegularFile } from '../util/read-regular.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { imposePdf } from './impose.ts';

/** `zine impose --help`, made from the command's schema (cli/commands/impose.ts). */
export const IMPOSE_USAGE = commandHelp(IMPOSE_COMMAND);

export async function imposeCommand(argv: string[]): Promise<void> {
  const args = parseImposeArgs(argv);
  if (args === 'help') {
    process.stdout.write(`${IMPOSE_USAGE}\n`);
    return;
  }
  const { input, output, ...options } = args;
  const pdf = await readRegularFile({ path: input, limit: IMPOSE_BYTES, what: 'a PDF to impose' });
  const imposed = await imposePdf({ ...options, pdf, name: input });
  try {
    await writeFileAtomic(output, imposed);
  } catch (error) {
    // writeFileAtomic's clean-up can itself fail (ENOTDIR below a file) and
    // throw a bare Error; the user still gets one line, exit 1.
    if (error instanceof ZineError) throw error;
    throw new FileError(output, 'write', error);
  }
}

/** Turns argv into typed arguments by the command's schema, or says in one line what is wrong. */
export function parseImposeArgs(argv: string[]): ImposeCommandOptions | 'help' {
  const args = parseCommand(IMPOSE_COMMAND, argv);
  if (args === 'help') return args;
  // Signatures and creep are a saddle stitch's: another layout would print without them, as if they were applied.
  const folded = [args.signature === undefined ? [] : ['--signature'], args.creep === undefined ? [] : ['--creep']].flat();
  if (args.layout !== 'booklet' && folded.length > 0) {
    throw new UsageError(`${folded.join(' and ')} ${folded.length === 1 ? 'applies' : 'apply'} to --layout booklet only (its sheets folded and nested), not to --layout ${args.layout}: leave ${folded.length === 1 ? 'it' : 'them'} out`);
  }
  return args;
}
