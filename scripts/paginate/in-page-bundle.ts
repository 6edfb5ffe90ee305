import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./in-page/main.ts', import.meta.url));

let bundled: Promise<string> | undefined;

/**
 * The in-page code (scripts/paginate/in-page/) as one script for
 * `page.evaluate`: bundled once per process, then reused by every layout.
 */
export function inPageScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('bundling the in-page script produced no output');
    return file.text;
  });
  return bundled;
}
