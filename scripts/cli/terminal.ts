/**
 * What the command prints besides its results: colour only on a terminal and
 * never under NO_COLOR (https://no-color.org) or TERM=dumb; a progress line,
 * rewritten in place, only when its stream is a terminal. Every other line
 * printed through here first clears the progress line, so the two never mix.
 */

export interface TerminalStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface TerminalOptions {
  /** Where results and the progress line go. Default: process.stdout. */
  out?: TerminalStream;
  /** Where warnings and errors go. Default: process.stderr. */
  err?: TerminalStream;
  /** The environment read for NO_COLOR and TERM. Default: process.env. */
  env?: NodeJS.ProcessEnv;
}

const CODES = { red: 31, yellow: 33, bold: 1, dim: 2 } as const;
export type Colour = keyof typeof CODES;

/** Whether `stream` may be given ANSI colours. */
export function colourFor(stream: TerminalStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}

export interface Terminal {
  /** Text in a colour, or as it is where colour is off. */
  paint(stream: 'out' | 'err', colour: Colour, text: string): string;
  /** A line of results (stdout). */
  print(line: string): void;
  /** A warning or an error (stderr). */
  warn(line: string): void;
  /** Shows `line` as the progress line (on a terminal only), over the last one. */
  progress(line: string): void;
  /** Takes the progress line away. */
  clearProgress(): void;
}

export function createTerminal(options: TerminalOptions = {}): Terminal {
  const out = options.out ?? process.stdout;
  const err = options.err ?? process.stderr;
  const env = options.env ?? process.env;
  let shown = 0;
  const clearProgress = () => {
    if (shown === 0) return;
    // Spaces rather than an erase code: a terminal under NO_COLOR gets no escape codes at all.
    out.write(`\r${' '.repeat(shown)}\r`);
    shown = 0;
  };
  return {
    paint(stream, colour, text) {
      return colourFor(stream === 'out' ? out : err, env) ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
    },
    print(line) {
      clearProgress();
      out.write(`${line}\n`);
    },
    warn(line) {
      clearProgress();
      err.write(`${line}\n`);
    },
    progress(line) {
      if (out.isTTY !== true) return;
      // A terminal of unknown width (a pseudo-terminal may say 0) is taken as 80 columns.
      const width = Math.max(20, (out.columns !== undefined && out.columns > 0 ? out.columns : 80) - 1);
      const cut = line.length > width ? `${line.slice(0, width - 1)}…` : line;
      out.write(`\r${cut.padEnd(shown)}`);
      shown = Math.max(cut.length, shown);
    },
    clearProgress,
  };
}

/** The command's own terminal: process.stdout and process.stderr. */
export const terminal = createTerminal();
