/**
 * `zine`: the command line. Parses the words, runs the command, and turns
 * errors into one clear message and an exit code (0 done, 1 a problem in the
 * content, config or files, 2 a usage error, 3 a fault of Zinepress itself,
 * whose stack `--debug` prints; 130 and 143 when stopped by Ctrl-C or SIGTERM).
 * Each command's code is loaded only when that command runs, so `zine impose`
 * does not pay for the whole build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuildRow } from './build.ts';
import { BUILD_COMMAND } from './cli/commands/build.ts';
import { IMPOSE_COMMAND } from './cli/commands/impose.ts';
import { INIT_COMMAND } from './cli/commands/init.ts';
import { PREVIEW_COMMAND } from './cli/commands/preview.ts';
import { parseCommand } from './cli/parse.ts';
import type { CommandSchema } from './cli/schema.ts';
import { terminal } from './cli/terminal.ts';
import { commandHelp, overviewHelp, synopsis } from './cli/usage.ts';
import { DocumentsFailed, EXIT_CONTENT, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE, FileError, isSystemError, UsageError, ZineError } from './util/errors.ts';
import { PROJECT_ROOT } from './util/project-root.ts';
import { didYouMean } from './util/suggest.ts';
import { explainBrowserError } from './browser/browser-errors.ts';
import { exitOnSignal } from './util/exit.ts';
import { mark } from './util/timeline.ts';

/** The commands, in the order a new user meets them. */
export const COMMANDS: readonly CommandSchema[] = [INIT_COMMAND, BUILD_COMMAND, PREVIEW_COMMAND, IMPOSE_COMMAND];

async function buildCommand(argv: string[], debug: boolean): Promise<void> {
  const options = parseCommand(BUILD_COMMAND, argv);
  if (options === 'help') return terminal.print(commandHelp(BUILD_COMMAND));
  const { build } = await import('./build.ts');
  const { printTable } = await import('./util/table.ts');
  const rows = await build(options).catch((error: unknown) => {
    // Some documents failed: the table of what was made, each failure's reason, then the summary.
    if (!(error instanceof DocumentsFailed)) throw error;
    printTable(error.rows as BuildRow[]);
    for (const failure of error.failures) report(failure.error, debug);
    throw error;
  });
  printTable(rows);
}

function version(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
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
    case 'help': {
      const named = COMMANDS.find((known) => known.name === rest[0]);
      return terminal.print(named === undefined ? overviewHelp(COMMANDS) : commandHelp(named));
    }
    case '-v':
    case '--version':
    case 'version':
      return terminal.print(`zine ${version()}`);
    default: {
      const names = COMMANDS.map((known) => known.name);
      const what = command.startsWith('-') ? 'option' : 'command';
      throw new UsageError(`unknown ${what} \`${command}\`${didYouMean(command, command.startsWith('-') ? ['--help', '--version'] : names)}`);
    }
  }
}

/** Content errors already start with `file:line:col:`; the rest get the command's name. */
function describe(error: ZineError, command: CommandSchema | undefined): string {
  if (error.exitCode === EXIT_USAGE) {
    const usage = command === undefined ? 'zine --help lists the commands' : `usage: ${synopsis(command)}`;
    return `${terminal.paint('err', 'red', 'zine:')} ${error.message}\n${usage}`;
  }
  return /^\S+:\d+:\d+: /.test(error.message) ? error.message : `zine: ${error.message}`;
}

export { adoptMarkdownWorker } from './markdown/worker.ts';

/** Runs the command line and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  mark('bundle loaded, command begins');
  process.once('exit', () => mark('exit'));
  exitOnSignal();
  try {
    await run(argv.filter((word) => word !== '--debug'), debug);
    return EXIT_OK;
  } catch (error) {
    return report(error, debug, COMMANDS.find((known) => known.name === argv[0]));
  } finally {
    terminal.clearProgress();
    mark('command ends');
  }
}

/** Prints what went wrong, in one line unless it is a bug and --debug is on; returns the exit code. */
export function report(error: unknown, debug: boolean, command?: CommandSchema): number {
  terminal.clearProgress();
  if (error instanceof ZineError) {
    console.error(describe(error, command));
    if (debug && error.cause instanceof Error) console.error(error.cause);
    return error.exitCode;
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
