import { describe, expect, it } from 'vitest';
import { createTerminal, type TerminalStream } from '../../scripts/cli/terminal.ts';

function stream(isTTY: boolean): TerminalStream & { text: string } {
  const written = { text: '', isTTY, columns: 40, write: (chunk: string) => (written.text += chunk) };
  return written;
}

describe('the terminal', () => {
  it('colours only a terminal, and not under NO_COLOR or TERM=dumb', () => {
    const tty = stream(true);
    expect(createTerminal({ out: tty, err: tty, env: {} }).paint('err', 'red', 'zine:')).toBe('\u001b[31mzine:\u001b[0m');
    expect(createTerminal({ out: tty, err: tty, env: { NO_COLOR: '1' } }).paint('err', 'red', 'zine:')).toBe('zine:');
    expect(createTerminal({ out: tty, err: tty, env: { TERM: 'dumb' } }).paint('err', 'red', 'zine:')).toBe('zine:');
    const pipe = stream(false);
    expect(createTerminal({ out: pipe, err: pipe, env: {} }).paint('err', 'red', 'zine:')).toBe('zine:');
  });

  it('rewrites one progress line on a terminal, clears it before other lines, and shows none elsewhere', () => {
    const tty = stream(true);
    const onTty = createTerminal({ out: tty, err: stream(true), env: {} });
    onTty.progress('essay: reading → reading.pdf');
    onTty.progress('essay: mini');
    onTty.print('done');
    expect(tty.text).toBe(`\ressay: reading → reading.pdf\ressay: mini${' '.repeat(17)}\r${' '.repeat(28)}\rdone\n`);
    expect(tty.text).not.toContain('\u001b');

    const pipe = stream(false);
    const onPipe = createTerminal({ out: pipe, err: stream(false), env: {} });
    onPipe.progress('essay: reading → reading.pdf');
    onPipe.print('done');
    expect(pipe.text).toBe('done\n');
  });
});
