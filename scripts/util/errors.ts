/**
 * The errors Zinepress reports to its user. Each carries the exit code the CLI
 * ends with, so a caller never has to guess: 1 for a problem in the content or
 * the configuration or reading and writing files, 2 for a command used the
 * wrong way, 3 for a fault of Zinepress itself (a bug: the stack is printed
 * under --debug).
 */

export const EXIT_OK = 0;
export const EXIT_CONTENT = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

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
    super(`cannot ${action} ${path}: ${systemReason(cause)}`, { exitCode: EXIT_CONTENT, cause });
    this.path = path;
  }
}

/** What the system said, in words: `ENOSPC: no space left on device, write '/x'` → `the disk is full`. */
const REASONS: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder',
  EMFILE: 'too many files open',
  EIO: 'the disk reported an input/output error',
  EFBIG: 'the file is larger than this shell lets a program write (ulimit -f)',
  ELOOP: 'a symbolic link is in the way',
};

export function systemReason(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  if (code !== undefined && REASONS[code] !== undefined) return REASONS[code];
  const message = cause instanceof Error ? cause.message : String(cause);
  // Node's own text: `CODE: what, syscall '/path'`; the path is already named by the caller.
  return message.replace(/^E[A-Z]+: /, '').replace(/, \w+ '[^']*'( -> '[^']*')?$/, '');
}

/** An error thrown by the file system (it has an errno code and a path), not wrapped in a FileError. */
export function isSystemError(error: unknown): error is NodeJS.ErrnoException & { path: string } {
  const e = error as NodeJS.ErrnoException | undefined;
  return error instanceof Error && typeof e?.code === 'string' && /^E[A-Z]+$/.test(e.code) && typeof e.path === 'string';
}

/**
 * Some documents of a build failed and the others were made: `rows` are what
 * was made, `failures` each failed source with its error. The exit code is
 * the worst of theirs.
 */
export class DocumentsFailed<Row = unknown> extends ZineError {
  readonly rows: readonly Row[];
  readonly failures: readonly { source: string; error: unknown }[];

  constructor(rows: readonly Row[], failures: readonly { source: string; error: unknown }[], total: number) {
    const names = failures.map((failure) => failure.source).join(', ');
    const exitCode = Math.max(...failures.map(({ error }) => (error instanceof ZineError ? error.exitCode : EXIT_INTERNAL)));
    super(`${failures.length} of ${total} documents were not built: ${names}`, { exitCode });
    this.rows = rows;
    this.failures = failures;
  }
}
