/**
 * `zine`: the command line. Parses the words, runs the command, and turns
 * errors into one clear message and an exit code (0 done, 1 a problem in the
 * content, config or files, 2 a usage error, 3 a fault of Zinepress itself,
 * whose stack `--debug` prints; 130 and 143 when stopped by Ctrl-C or SIGTERM).
 * Each command's code is loaded only when that command runs, so `zine impose`
 * does not pay for the whole build.
 */
import { parseArgs } from 'node:util';
import { isMainThread, workerData } from 'node:worker_threads';
import type { BuildRow } from './build.ts';
import type { Format, PaperSize } from './config/frontmatter.ts';
import { DocumentsFailed, EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, FileError, isSystemError, UsageError, ZineError } from './util/errors.ts';
import { explainBrowserError } from './browser/browser-errors.ts';
import { LENGTH_HINT, lengthInPoints } from './config/length.ts';
import { exitOnSignal } from './util/exit.ts';

const USAGE = `usage:
  zine build [files…] [--out DIR] [--paper letter|a4] [--formats reading,booklet,mini,slips,web,large-print] [--keep-metadata]
             [--bleed LENGTH] [--marks crop]
  zine init FILE.md
  zine preview [FILE.md] [--port N] [--paper letter|a4]
  zine impose IN.pdf --layout booklet|mini|mini16|slips [--paper letter|a4] [--duplex short|long] [--keep-last N] [--signature N] [--creep LENGTH] -o OUT.pdf
  zine --help
  --debug (with any command) prints the stack of an internal error`;

async function buildCommand(argv: string[], debug: boolean): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o' },
      paper: { type: 'string' },
      formats: { type: 'string' },
      'keep-metadata': { type: 'boolean' },
      bleed: { type: 'string' },
      marks: { type: 'string' },
    },
  });
  const bleed = values.bleed === undefined ? undefined : lengthInPoints(values.bleed);
  if (values.bleed !== undefined && bleed === undefined) throw new UsageError(`--bleed takes ${LENGTH_HINT}, not '${values.bleed}'`);
  const { build } = await import('./build.ts');
  const { printTable } = await import('./util/table.ts');
  // The option schema checks the values; the casts only hand them over.
  const rows = await build({
    files: positionals,
    ...(values.out === undefined ? {} : { out: values.out }),
    ...(values.paper === undefined ? {} : { paper: values.paper as PaperSize }),
    ...(values.formats === undefined ? {} : { formats: values.formats.split(',') as Format[] }),
    ...(values['keep-metadata'] === true ? { keepMetadata: true } : {}),
    ...(bleed === undefined ? {} : { bleed }),
    ...(values.marks === undefined ? {} : { marks: values.marks as 'crop' }),
  }).catch((error: unknown) => {
    // Some documents failed: the table of what was made, each failure's reason, then the summary.
    if (!(error instanceof DocumentsFailed)) throw error;
    printTable(error.rows as BuildRow[]);
    for (const failure of error.failures) report(failure.error, debug);
    throw error;
  });
  printTable(rows);
}

async function run(argv: string[], debug: boolean): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'build':
      return buildCommand(rest, debug);
    case 'impose': {
      const { imposeCommand } = await import('./impose/command.ts');
      return imposeCommand(rest);
    }
    case 'preview': {
      const { previewCommand } = await import('./preview/command.ts');
      return previewCommand(rest);
    }
    case 'init': {
      const { initCommand } = await import('./init/command.ts');
      return initCommand(rest);
    }
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      console.log(USAGE);
      return;
    default:
      throw new UsageError(`unknown command \`${command}\``);
  }
}

/** Content errors already start with `file:line:col:`; the rest get the command's name. */
function describe(error: ZineError): string {
  if (error.exitCode === EXIT_USAGE) return `zine: ${error.message}\n${USAGE}`;
  return /^\S+:\d+:\d+: /.test(error.message) ? error.message : `zine: ${error.message}`;
}

// Loaded as a worker of the markdown stage (markdown/worker.ts), the bundle runs that stage and nothing else.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.zinepressMarkdown !== undefined) {
  void import('./markdown/worker.ts').then((worker) => worker.runIfMarkdownWorker());
}

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  exitOnSignal();
  try {
    await run(argv.filter((word) => word !== '--debug'), debug);
    return EXIT_OK;
  } catch (error) {
    return report(error, debug);
  }
}

/** Prints what went wrong, in one line unless it is a bug and --debug is on; returns the exit code. */
export function report(error: unknown, debug: boolean): number {
  if (error instanceof ZineError) {
    console.error(describe(error));
    if (debug && error.cause instanceof Error) console.error(error.cause);
    return error.exitCode;
  }
  // parseArgs reports unknown flags and missing values with a code of its own.
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    console.error(`zine: ${error.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  // A file system error that no step wrapped: still the user's disk, not a bug.
  if (isSystemError(error)) {
    // A copy that failed names its source as `path` and its target as `dest`.
    const dest = (error as { dest?: unknown }).dest;
    const file = typeof dest === 'string' ? new FileError(dest, 'write', error) : new FileError(error.path, 'use', error);
    console.error(`zine: ${file.message}`);
    return EXIT_CONTENT;
  }
  // The browser's failures (it quit, stopped answering, could not print) are said as such.
  const explained = explainBrowserError(error);
  if (explained !== undefined) return report(explained, debug);
  const message = error instanceof Error ? error.message : String(error);
  if (debug) console.error(error);
  else console.error(`zine: internal error: ${message.split('\n')[0]} (run again with --debug for details)`);
  return EXIT_INTERNAL;
}
