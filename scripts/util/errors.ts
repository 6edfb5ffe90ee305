/**
 * The errors Zinepress reports to its user. Each carries the exit code the CLI
 * ends with, so a caller never has to guess: 1 for a problem in the content or
 * the configuration, 2 for a command used the wrong way.
 */

export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;

/** Base class: a message meant for the person running the command. */
export class ZineError extends Error {
  readonly exitCode: number;

  constructor(message: string, options: { exitCode?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? EXIT_CONTENT;
  }
}

/** The command line itself is wrong: unknown flag, missing argument. */
export class UsageError extends ZineError {
  constructor(message: string) {
    super(message, { exitCode: EXIT_USAGE });
  }
}

/** The input (markdown, front matter, a PDF to impose) cannot be used. */
export class ContentError extends ZineError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { exitCode: EXIT_CONTENT, ...options });
  }
}

/** Reading or writing a file failed; the original error stays as `cause`. */
export class FileError extends ZineError {
  readonly path: string;

  constructor(path: string, action: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`cannot ${action} ${path}: ${reason}`, { exitCode: EXIT_CONTENT, cause });
    this.path = path;
  }
}
