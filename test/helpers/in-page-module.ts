/**
 * One module of the in-page code (scripts/paginate/in-page/), bundled on its
 * own as a script a test adds to a tab: its exports are then the global
 * `globalName`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function inPageModule(options: { file: string; globalName: string }): Promise<string> {
  const entry = fileURLToPath(new URL(`../../scripts/paginate/in-page/${options.file}`, import.meta.url));
  const bundled = await build({ entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: options.globalName, target: 'chrome120' });
  return bundled.outputFiles[0]?.text ?? '';
}
