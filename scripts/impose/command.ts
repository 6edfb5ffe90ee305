/**
 * `zine impose IN.pdf --layout booklet|mini|mini16|slips [--paper letter|a4]
 *  [--duplex short|long] [--binding left|right] [--keep-last N] -o OUT.pdf`
 *
 * Reads IN.pdf, imposes it and writes OUT.pdf atomically: on any failure no
 * output file is left behind (an existing OUT.pdf stays as it was).
 * Usage mistakes throw UsageError (exit 2); unusable PDFs ContentError (exit 1).
 */
import { parseArgs } from 'node:util';
import { FileError, UsageError, ZineError } from '../util/errors.ts';
import { IMPOSE_BYTES } from '../config/limits.ts';
import { LENGTH_HINT, lengthInPoints } from '../config/length.ts';
import { readRegularFile } from '../util/read-regular.ts';
import { writeFileAtomic } from '../util/write-atomic.ts';
import { imposePdf } from './impose.ts';
import { PAPERS } from './paper.ts';
import { BINDINGS, DUPLEXES, LAYOUTS } from './plan.ts';
import type { ImposeOptions } from './plan.ts';

export const IMPOSE_USAGE = `usage: zine impose IN.pdf --layout booklet|mini|mini16|slips [--paper letter|a4] [--duplex short|long]
                   [--binding left|right] [--keep-last N] [--signature N] [--creep LENGTH] -o OUT.pdf

  --layout booklet   saddle stitch: two pages a side, fold and staple
  --layout mini      the 8-page zine on one side of one sheet
  --layout mini16    the 16-page zine on both sides of one sheet, cut in four
  --layout slips     a 2-page card (front, back), four to a portrait sheet
  --paper            letter (default) or a4: landscape, portrait for slips
  --duplex           booklet and mini16: short (default) for printers that flip on the
                     short edge, long to turn every back side 180°
  --binding          booklet and mini: the spine's edge, seen from the front
                     cover: left (default), or right for a right-to-left
                     script (Arabic, Hebrew, …), read from the other end
  --keep-last N      keep the last N pages at the end, blanks before them (default 0)
  --signature N      booklet: fold in signatures of N sheets (4N pages) each, the
                     last taking what remains (default: one signature)
  --creep LENGTH     booklet: move the pages of inner sheets toward the spine, the
                     innermost of each signature by LENGTH (e.g. 0.5mm; default 0)
  -o, --output       the imposed PDF to write`;

interface ImposeArgs extends ImposeOptions {
  input: string;
  output: string;
}

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

/** Turns argv into typed arguments, or says in one line what is wrong. */
export function parseImposeArgs(argv: string[]): ImposeArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeCounts(argv),
      allowPositionals: true,
      strict: true,
      options: {
        layout: { type: 'string' },
        paper: { type: 'string' },
        duplex: { type: 'string' },
        binding: { type: 'string' },
        'keep-last': { type: 'string' },
        signature: { type: 'string' },
        creep: { type: 'string' },
        output: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's messages run on over lines of advice; the first sentence says it.
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${message.split(/\.(?:\s|$)/)[0]} (see zine impose --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';

  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? 'impose needs an input PDF (see zine impose --help)'
        : `impose takes one input PDF, not ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const [input] = positionals as [string];
  if (values.output === undefined) throw new UsageError('impose needs -o OUT.pdf');
  if (values.layout === undefined) throw new UsageError('impose needs --layout booklet or --layout mini');

  return {
    input,
    output: values.output,
    layout: oneOf('--layout', values.layout, LAYOUTS),
    paper: values.paper === undefined ? undefined : oneOf('--paper', values.paper, PAPERS),
    duplex: values.duplex === undefined ? undefined : oneOf('--duplex', values.duplex, DUPLEXES),
    binding: values.binding === undefined ? undefined : oneOf('--binding', values.binding, BINDINGS),
    keepLast: values['keep-last'] === undefined ? undefined : pageCount(values['keep-last']),
    signature: values.signature === undefined ? undefined : sheetCount(values.signature),
    creep: values.creep === undefined ? undefined : creepLength(values.creep),
  };
}

/** `--keep-last -1` is a wrong number, not a missing one (parseArgs would call it ambiguous): it is read as `--keep-last=-1`. */
function joinNegativeCounts(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    const next = argv[i + 1];
    if (word === '--keep-last' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`--keep-last=${next}`);
      i += 1;
    } else joined.push(word);
  }
  return joined;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((choice) => choice === value);
  if (found === undefined) {
    throw new UsageError(`unknown ${flag} '${value}': use ${allowed.join(' or ')}`);
  }
  return found;
}

function pageCount(value: string): number {
  if (!/^\d+$/.test(value)) {
    throw new UsageError(`--keep-last takes a whole number of pages, not '${value}'`);
  }
  return Number(value);
}

function sheetCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(`--signature takes a whole number of sheets of at least 1, not '${value}'`);
  }
  return Number(value);
}

function creepLength(value: string): number {
  const points = lengthInPoints(value);
  if (points === undefined) throw new UsageError(`--creep takes ${LENGTH_HINT}, not '${value}'`);
  return points;
}
