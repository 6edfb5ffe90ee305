/**
 * Pieces the commands' schemas share: the message for a value not among its
 * choices, and a length option read into points.
 */
import * as v from 'valibot';
import { LENGTH_HINT, lengthInPoints } from '../config/length.ts';

/** "unknown --paper 'a3': use letter or a4". */
export const oneOf = (flag: string, allowed: readonly string[]) => (issue: { input: unknown }) =>
  `unknown ${flag} '${String(issue.input)}': use ${allowed.join(' or ')}`;

/** An optional length (`3mm`, `0.125in`, `3pt`), read into PDF points; anything else is refused naming `flag`. */
export const lengthOption = (flag: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.check((value) => lengthInPoints(value) !== undefined, (issue) => `${flag} takes ${LENGTH_HINT}, not '${String(issue.input)}'`),
      v.transform((value) => lengthInPoints(value) as number),
    ),
  );
