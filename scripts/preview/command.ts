/**
 * `zine preview [FILE] [--port N] [--paper letter|a4]`: serves a live preview
 * of one source on http://127.0.0.1:N/ until Ctrl-C, which stops the server
 * and its browser at once. Without FILE, the most recently saved source/*.md.
 */
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { PREVIEW_COMMAND } from '../cli/commands/preview.ts';
import { parseCommand } from '../cli/parse.ts';
import { terminal } from '../cli/terminal.ts';
import { commandHelp } from '../cli/usage.ts';
import { launchBrowser } from '../browser/browser.ts';
import { ContentError, FileError } from '../util/errors.ts';
import { startPreview } from './server.ts';

async function newestSource(dir: string): Promise<string> {
  const names = await readdir(dir).catch((error: unknown) => {
    throw new FileError(dir, 'read the folder', error);
  });
  const sources = await Promise.all(
    names.filter((name) => extname(name) === '.md').map(async (name) => ({ path: join(dir, name), time: (await stat(join(dir, name))).mtimeMs })),
  );
  const newest = sources.sort((a, b) => b.time - a.time)[0];
  if (newest === undefined) throw new ContentError(`no .md file in ${dir}: name the file to preview, or make one with \`zine init\``);
  return newest.path;
}

export async function previewCommand(argv: string[]): Promise<void> {
  const options = parseCommand(PREVIEW_COMMAND, argv);
  if (options === 'help') return terminal.print(commandHelp(PREVIEW_COMMAND));
  const { port, paper, style } = options;
  const source = options.file ?? (await newestSource('source'));
  await stat(source).catch((error: unknown) => {
    throw new FileError(source, 'read', error);
  });
  const browser = await launchBrowser();
  const preview = await startPreview({ source, browser, port, ...(paper === undefined ? {} : { paper }), style, log: (line) => terminal.print(line) }).catch(
    async (error: unknown) => {
      await browser.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ContentError(`port ${port} is in use: choose another with --port`);
      throw error;
    },
  );
  terminal.print(`preview of ${source}: ${preview.url} (Ctrl-C stops it)`);
  // Runs until a signal: util/exit.ts stops the browser and removes the scratch folder.
  await new Promise<never>(() => undefined);
}
