import { describe, expect, it } from 'vitest';
import { BUILD_COMMAND } from '../../scripts/cli/commands/build.ts';
import { IMPOSE_COMMAND } from '../../scripts/cli/commands/impose.ts';
import { PREVIEW_COMMAND } from '../../scripts/cli/commands/preview.ts';
import { parseCommand } from '../../scripts/cli/parse.ts';
import { commandHelp, synopsis } from '../../scripts/cli/usage.ts';
import { UsageError } from '../../scripts/util/errors.ts';

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('no usage error');
}

describe('a command read by its schema', () => {
  it('reads values, switches, short forms, = and the words after --', () => {
    expect(parseCommand(BUILD_COMMAND, ['a.md', '-o', 'out', '--formats=reading,mini', '--keep-metadata', '--', '--odd.md'])).toEqual({
      files: ['a.md', '--odd.md'],
      out: 'out',
      formats: ['reading', 'mini'],
      keepMetadata: true,
    });
    expect(parseCommand(PREVIEW_COMMAND, [])).toEqual({ file: undefined, port: 8040 });
    expect(parseCommand(BUILD_COMMAND, ['a.md', '--help'])).toBe('help');
  });

  it('suggests the option meant for a misspelt one', () => {
    expect(usageError(() => parseCommand(BUILD_COMMAND, ['--frmats', 'reading']))).toMatch(/unknown option `--frmats` for zine build: did you mean `--formats`\?/);
    expect(usageError(() => parseCommand(BUILD_COMMAND, ['--formats', 'reading,mni']))).toMatch(/unknown format 'mni' in --formats: did you mean `mini`\?/);
  });

  it('names the option of a wrong or missing value', () => {
    expect(usageError(() => parseCommand(BUILD_COMMAND, ['--paper', 'tabloid']))).toBe("unknown --paper 'tabloid': use letter or a4");
    expect(usageError(() => parseCommand(BUILD_COMMAND, ['--out']))).toBe('--out needs a value, e.g. --out DIR');
    expect(usageError(() => parseCommand(BUILD_COMMAND, ['--keep-metadata=yes']))).toBe('--keep-metadata takes no value');
    expect(usageError(() => parseCommand(PREVIEW_COMMAND, ['--port', '70000']))).toBe('--port must be a whole number from 0 to 65535');
    expect(usageError(() => parseCommand(IMPOSE_COMMAND, ['in.pdf', '--layout', 'mini']))).toBe('impose needs -o OUT.pdf');
  });
});

describe('the usage text, made from the schemas', () => {
  it('lists every option of impose, --binding among them', () => {
    expect(synopsis(IMPOSE_COMMAND)).toBe(
      'zine impose IN.pdf --layout booklet|mini|mini16|slips [--paper letter|a4] [--duplex short|long] [--binding left|right] [--keep-last N] [--signature N] [--creep LENGTH] -o OUT.pdf',
    );
    const help = commandHelp(IMPOSE_COMMAND);
    for (const flag of ['--layout', '--paper', '--duplex', '--binding', '--keep-last', '--signature', '--creep', '-o, --output', '-h, --help']) expect(help).toContain(`\n  ${flag}`);
  });
});
