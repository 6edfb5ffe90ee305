/**
 * `zine init FILE`: writes a starter source that builds as it is. It never
 * writes over a file that is already there.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { INIT_COMMAND } from '../cli/commands/init.ts';
import { parseCommand } from '../cli/parse.ts';
import { terminal } from '../cli/terminal.ts';
import { commandHelp } from '../cli/usage.ts';
import { uncovered } from '../fonts/coverage.ts';
import { planFonts } from '../fonts/plan.ts';
import { ContentError, FileError } from '../util/errors.ts';
import { STARTER_STYLE, STARTER_STYLE_NAME, starterSource, titleFromName } from './starter.ts';

export async function initCommand(argv: string[]): Promise<void> {
  const options = parseCommand(INIT_COMMAND, argv);
  if (options === 'help') return terminal.print(commandHelp(INIT_COMMAND));
  const { file } = options;
  const text = starterSource({ title: await printableTitle(titleFromName(basename(file, extname(file)))) });
  // A new folder for it (source/, say) is made first.
  await mkdir(dirname(file), { recursive: true }).catch((error: unknown) => {
    throw new FileError(dirname(file), 'make the folder', error);
  });
  // 'wx' fails if the file exists, without a window between a check and the write.
  await writeFile(file, text, { flag: 'wx' }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new ContentError(`${file} already exists; it is left as it is (choose another name)`);
    }
    throw new FileError(file, 'write', error);
  });
  // The stylesheet the source names, beside it; one already there (another zine's) is kept as it is.
  const style = join(dirname(file), STARTER_STYLE_NAME);
  const wroteStyle = await writeFile(style, STARTER_STYLE, { flag: 'wx' }).then(
    () => true,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw new FileError(style, 'write', error);
    },
  );
  const shell = /^[\w./-]+$/.test(file) ? file : `'${file.replace(/'/g, "'\\''")}'`;
  terminal.print(
    [
      wroteStyle ? `wrote ${file} and ${style}` : `wrote ${file} (${style} is already there: kept as it is)`,
      'next:',
      `  zine preview ${shell}   shows its pages as you write (http://127.0.0.1:8040/)`,
      `  zine build ${shell}     makes the PDFs in output/, and output/index.html to check them`,
    ].join('\n'),
  );
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
