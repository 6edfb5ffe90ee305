/**
 * Content problems are vfile messages with a place in the source. Warnings
 * stay in `file.messages`; errors are messages with `fatal: true`, thrown to
 * stop the pipeline, and reach the caller as a MarkdownError whose text is
 * one `path:line:col: reason` line per error.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { ContentError } from '../util/errors.ts';

export type Message = VFile['messages'][number];
/** unist's Position and Point, reached through mdast (which depends on unist). */
export type Position = NonNullable<Root['position']>;
export type Point = Position['start'];
export type Place = Position | Point | undefined;

const ORIGIN = 'zinepress';

/** A warning: the document is still made. */
export function warn(file: VFile, reason: string, place: Place, rule: string): Message {
  return file.message(reason, place, `${ORIGIN}:${rule}`);
}

/** An error that lets the plugin look for more before the pipeline stops (see stopOnErrors). */
export function error(file: VFile, reason: string, place: Place, rule: string): Message {
  const message = warn(file, reason, place, rule);
  message.fatal = true;
  return message;
}

/** An error that stops the pipeline now. */
export function fail(file: VFile, reason: string, place: Place, rule: string): never {
  return file.fail(reason, place, `${ORIGIN}:${rule}`);
}

/** Throws the first error recorded so far, if any. */
export function stopOnErrors(file: VFile): void {
  const first = file.messages.find((message) => message.fatal === true);
  if (first) throw first;
}

/** The path as the user gave it, or relative to the working directory if absolute. */
export function displayPath(file: VFile): string {
  const path = file.path;
  if (!path) return '<input>';
  if (!isAbsolute(path)) return path;
  return relative(resolve(file.cwd), path) || path;
}

/** `source/x.md:12:3: reason` (just `source/x.md: reason` for a message without a place). */
export function formatMessage(file: VFile, message: Message): string {
  const where = message.line === undefined ? '' : `:${message.line}:${message.column ?? 1}`;
  return `${displayPath(file)}${where}: ${message.reason}`;
}

/** The markdown cannot be made into a zine; `message` lists every error, one per line. */
export class MarkdownError extends ContentError {
  readonly file: VFile;
  readonly errors: Message[];

  constructor(file: VFile, errors: Message[]) {
    super(errors.map((message) => formatMessage(file, message)).join('\n'), { cause: errors[0] });
    this.file = file;
    this.errors = errors;
  }
}

/** Line and column (1-based) of a character offset in `text`. */
export function pointAt(text: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/** The position spanning offsets `start` to `end` of `text`. */
export function positionAt(text: string, start: number, end: number = start): Position {
  return { start: pointAt(text, start), end: pointAt(text, end) };
}
