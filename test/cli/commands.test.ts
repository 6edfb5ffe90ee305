import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOOD, ZINE, zine } from '../helpers/zine.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-commands-'));
});

/** Runs `zine …` on a pseudo-terminal (util-linux `script`), as a person at a terminal would; returns what it showed. */
async function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const command = [process.execPath, ZINE, ...args].map((word) => `'${word}'`).join(' ');
  const { stdout } = await promisify(execFile)('script', ['-qec', command, '/dev/null'], {
    cwd: dir,
    env: { ...process.env, TERM: 'xterm', ...env },
    maxBuffer: 1 << 24,
  }).catch((error: { stdout: string }) => ({ stdout: error.stdout }));
  return stdout;
}

describe('zine used by a new user', () => {
  it('prints the version and every usage text with exit 0', async () => {
    const { version } = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    expect(await zine(['--version'], dir)).toMatchObject({ code: 0, stdout: `zine ${version}\n` });
    const overview = await zine(['--help'], dir);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain('[--binding left|right]');
    for (const command of ['build', 'preview', 'init', 'impose']) {
      const help = await zine([command, '--help'], dir);
      expect(help.code, command).toBe(0);
      expect(help.stdout).toMatch(new RegExp(`^usage: zine ${command} `));
      expect(help.stdout).toContain('-h, --help');
    }
  });

  it('suggests the command or option meant, with exit 2', async () => {
    const command = await zine(['buld'], dir);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/^zine: unknown command `buld`: did you mean `build`\?$/m);
    const option = await zine(['build', '--frmats', 'reading'], dir);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/unknown option `--frmats` for zine build: did you mean `--formats`\?/);
  });

  it('colours an error on a terminal only, and not under NO_COLOR', async () => {
    expect((await zine(['buld'], dir)).stderr).not.toContain('\u001b[');
    expect(await onTerminal(['buld'])).toContain('\u001b[31mzine:\u001b[0m unknown command');
    expect(await onTerminal(['buld'], { NO_COLOR: '1' })).not.toContain('\u001b[');
  });

  it('shows the build’s progress on one rewritten line on a terminal, and not in a pipe', async () => {
    await writeFile(join(dir, 'zine.md'), GOOD);
    const shown = await onTerminal(['build', 'zine.md', '--formats', 'reading', '--out', 'out']);
    expect(shown).toMatch(/\rzine: markdown…\rzine: markdown → HTML \(\d+\.\d s\)/);
    expect(shown).toMatch(/\rzine: reading → reading\.pdf, \d+ pages/);
    expect(shown).toMatch(/^zine\s+reading\s+\d+/m);
    // Under NO_COLOR the same line, with no escape code.
    const plain = await onTerminal(['build', 'zine.md', '--formats', 'reading', '--out', 'out'], { NO_COLOR: '1' });
    expect(plain).toMatch(/\rzine: markdown → HTML \(\d+\.\d s\)/);
    expect(plain).not.toContain('\u001b');
    const piped = await zine(['build', 'zine.md', '--formats', 'reading', '--out', 'out'], dir);
    expect(piped.code).toBe(0);
    expect(piped.stdout).not.toContain('→');
    expect(piped.stdout).not.toContain('markdown');
    expect(piped.stdout).not.toContain('\r');
    expect(piped.stdout).toMatch(/^zine\s+reading\s+\d+/m);
  }, 120_000);
});
