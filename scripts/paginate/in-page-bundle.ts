import { fileURLToPath } from 'node:url';

/** Set by scripts/setup/compile.mjs in the compiled bundle: the in-page script, already bundled. */
declare const ZINEPRESS_IN_PAGE_SCRIPT: string | undefined;

const ENTRY = fileURLToPath(new URL('./in-page/main.ts', import.meta.url));

let bundled: Promise<string> | undefined;

/**
 * The in-page code (scripts/paginate/in-page/) as one script for
 * `page.evaluate`. The compiled command carries it ready-made; run from the
 * TypeScript sources (tests), it is bundled once per process and reused by
 * every layout.
 */
export function inPageScript(): Promise<string> {
  if (typeof ZINEPRESS_IN_PAGE_SCRIPT === 'string') return Promise.resolve(ZINEPRESS_IN_PAGE_SCRIPT);
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<string> {
  // Loaded only here: the compiled command never needs esbuild, and loading it cost every start 0.1 s.
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('bundling the in-page script produced no output');
  return file.text;
}
