/**
 * The usage text, made from the commands' schemas (schema.ts): a synopsis line
 * per command for `zine --help` and a usage error, and a line per option for
 * `zine COMMAND --help`.
 */
import { choices, entriesOf, isOptional, takesValue, type CommandSchema } from './schema.ts';

/** `zine impose IN.pdf --layout booklet|mini|slips [--paper letter|a4] … -o OUT.pdf` */
export function synopsis(command: CommandSchema): string {
  const parts = entriesOf(command).map(({ flag, schema, meta }) => {
    if (meta.positional === true) return meta.value ?? 'FILE';
    const shown = meta.short === undefined ? flag : `-${meta.short}`;
    const word = takesValue(schema) ? `${shown} ${meta.value ?? choices(schema)?.join('|') ?? 'VALUE'}` : shown;
    return isOptional(schema) ? `[${word}]` : word;
  });
  return `zine ${command.name} ${parts.join(' ')}`;
}

/** What `zine COMMAND --help` prints. */
export function commandHelp(command: CommandSchema): string {
  const rows = entriesOf(command).map(({ flag, schema, meta }) => {
    if (meta.positional === true) return [meta.value?.replace(/[[\]]/g, '') ?? 'FILE', meta.text] as const;
    const names = meta.short === undefined ? flag : `-${meta.short}, ${flag}`;
    const value = takesValue(schema) ? ` ${meta.value ?? choices(schema)?.join('|') ?? 'VALUE'}` : '';
    return [`${names}${value}`, meta.text] as const;
  });
  rows.push(['-h, --help', 'this text']);
  return [`usage: ${synopsis(command)}`, '', `${command.summary.charAt(0).toUpperCase()}${command.summary.slice(1)}.`, '', ...table(rows)].join('\n');
}

/** What `zine --help` prints. */
export function overviewHelp(commands: readonly CommandSchema[]): string {
  return [
    'usage:',
    ...commands.map((command) => `  ${synopsis(command)}`),
    '  zine --version',
    '',
    ...table([
      ...commands.map((command) => [command.name, command.summary] as const),
      ['COMMAND --help', "that command's options"],
      ['--debug', 'with any command, prints the stack of an internal error'],
    ]),
  ].join('\n');
}

/** Two columns, the second wrapped at 80 characters under itself. */
function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.min(28, Math.max(...rows.map(([left]) => left.length)) + 2);
  return rows.flatMap(([left, right]) => {
    const lines = wrap(right, 78 - width);
    const first = left.length + 2 > width ? [`  ${left}`, `  ${' '.repeat(width)}${lines[0] ?? ''}`] : [`  ${left.padEnd(width)}${lines[0] ?? ''}`];
    return [...first, ...lines.slice(1).map((line) => `  ${' '.repeat(width)}${line}`)];
  });
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return line === '' ? lines : [...lines, line];
}
