/**
 * Reads a command's words by its schema (schema.ts): `--flag VALUE`,
 * `--flag=VALUE`, `-o VALUE`, switches, `--` before words that start with a
 * dash, `-h`/`--help`. An unknown option gets the nearest known one ("did you
 * mean `--formats`?"); the values are then checked by the schema, whose
 * messages name the option. Every mistake is a UsageError (exit 2).
 */
import * as v from 'valibot';
import { UsageError } from '../util/errors.ts';
import { didYouMean } from '../util/suggest.ts';
import { entriesOf, isOptional, takesValue, type CommandSchema, type OptionsSchema } from './schema.ts';

/** A value may start with a dash only when it is a number (`--keep-last -1` is a wrong count, not a missing one). */
const looksLikeOption = (word: string) => word.startsWith('-') && word !== '-' && !/^-\d/.test(word);

export function parseCommand<TSchema extends OptionsSchema>(command: CommandSchema<TSchema>, argv: readonly string[]): v.InferOutput<TSchema> | 'help' {
  const entries = entriesOf(command);
  const byFlag = new Map(entries.filter((entry) => !entry.meta.positional).flatMap((entry) => [
    [entry.flag, entry] as const,
    ...(entry.meta.short === undefined ? [] : [[`-${entry.meta.short}`, entry] as const]),
  ]));
  const positional = entries.find((entry) => entry.meta.positional === true);
  const input: Record<string, unknown> = {};
  const words: string[] = [];
  const see = `(see zine ${command.name} --help)`;

  for (let i = 0; i < argv.length; i += 1) {
    const word = argv[i] as string;
    if (word === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (word === '--help' || word === '-h') return 'help';
    if (!looksLikeOption(word)) {
      words.push(word);
      continue;
    }
    const [name, inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
    const entry = byFlag.get(name);
    if (entry === undefined) {
      const known = [...byFlag.keys()].filter((flag) => flag.startsWith('--'));
      throw new UsageError(`unknown option \`${name}\` for zine ${command.name}${didYouMean(name, [...known, '--help'])} ${see}`);
    }
    if (!takesValue(entry.schema)) {
      if (inline !== undefined) throw new UsageError(`${entry.flag} takes no value`);
      input[entry.key] = true;
      continue;
    }
    const value = inline ?? argv[i + 1];
    if (value === undefined || (inline === undefined && looksLikeOption(value))) {
      throw new UsageError(`${entry.flag} needs a value, e.g. ${entry.flag} ${exampleValue(entry.schema, entry.meta.value)}`);
    }
    if (inline === undefined) i += 1;
    input[entry.key] = value;
  }

  if (positional !== undefined) input[positional.key] = words;
  else if (words.length > 0) throw new UsageError(`zine ${command.name} takes no file: ${words.join(' ')} ${see}`);
  for (const entry of entries) {
    if (input[entry.key] === undefined && !isOptional(entry.schema)) {
      throw new UsageError(entry.meta.missing ?? `zine ${command.name} needs ${entry.flag} ${entry.meta.value ?? ''}`.trim());
    }
  }
  const result = v.safeParse(command.options, input);
  if (result.success) return result.output;
  throw new UsageError(result.issues.map((issue) => namedMessage(issue, positional?.key)).join('; '));
}

function exampleValue(schema: v.GenericSchema, value: string | undefined): string {
  const options = (schema as { wrapped?: { options?: unknown } }).wrapped?.options ?? (schema as { options?: unknown }).options;
  return value ?? (Array.isArray(options) ? String(options[0]) : 'VALUE');
}

/** A message that does not say which option it is about is given the option's flag. */
function namedMessage(issue: v.GenericIssue, positionalKey: string | undefined): string {
  const key = issue.path?.[0]?.key;
  if (typeof key !== 'string' || key === positionalKey || issue.message.includes('--') || issue.message.includes('zine ')) return issue.message;
  return `${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`).replace(/^/, '--')}: ${issue.message}`;
}
