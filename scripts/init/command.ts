/**
 * `zine init FILE`: writes a starter source that builds as it is. It never
 * writes over a file that is already there.
 */
import { writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { INIT_COMMAND } from '../cli/commands/init.ts';
import { parseCommand } from '../cli/parse.ts';
import { terminal } from '../cli/terminal.ts';
import { commandHelp } from '../cli/usage.ts';
import { uncovered } from '../fonts/coverage.ts';
import { planFonts } from '../fonts/plan.ts';
import { ContentError, FileError } from '../util/errors.ts';
import { starterSource, titleFromName } from './starter.ts';

export async function initCommand(argv: string[]): Promise<void> {
  const options = parseCommand(INIT_COMMAND, argv);
  if (options === 'help') return terminal.print(commandHelp(INIT_COMMAND));
  const { file } = options;
  const text = starterSource({ title: await printableTitle(titleFromName(basename(file, extname(file)))) });
  // 'wx' fails if the file exists, without a window between a check and the write.
  await writeFile(file, text, { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ContentError(`${file} already exists; it is left as it is (choose another name)`);
    }
    throw new FileError(file, 'write', error);
  });
  const shell = /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
  console.log(`wrote ${file}: build it with \`zine build ${shell}\``);
}

/**
 * The title made from the file's name, without the characters no bundled font
 * draws (an emoji, say), which the build would refuse: the starter builds as it is.
 */
async function printableTitle(title: string): Promise<string> {
  const missing = new Set(uncovered(await planFonts({ lang: 'en', text: title })));
  const kept = [...title].filter((char) => !missing.has(char.codePointAt(0) ?? 0)).join('').replace(/\s+/g, ' ').trim();
  return kept === '' ? 'My zine' : kept;
}
