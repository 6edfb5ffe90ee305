import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGED_JS_PATCHES, type PagedJsPatch } from './patches.ts';

/**
 * Set by scripts/setup/compile.mjs in the compiled bundle: the file name, in
 * dist/, of Paged.js with the patches applied at compile time.
 */
declare const ZINEPRESS_PATCHED_PAGED_JS: string | undefined;

const require = createRequire(import.meta.url);
/** Stock Paged.js 0.4.3: its package.json does not export its dist folder, found beside the package's main file. */
export const STOCK_PAGED_JS = join(dirname(require.resolve('pagedjs')), '..', 'dist', 'paged.polyfill.js');

/**
 * Which Paged.js lays out: the project's patched copy, or, to compare with it,
 * the package's file as it is, with one patch alone, or with every patch but
 * one (named as in patches.ts).
 */
export type PagedJsVariant = 'patched' | 'stock' | { only: string } | { except: string };

/**
 * The stock polyfill with every patch applied. Each piece must be found
 * exactly once, or the file is not the one the patches were written for: the
 * error names the patch.
 */
export function applyPatches(stock: string, patches: readonly PagedJsPatch[] = PAGED_JS_PATCHES): string {
  let text = stock;
  for (const patch of patches) {
    for (const [i, { find, replace }] of patch.replacements.entries()) {
      const first = text.indexOf(find);
      const found = first === -1 ? 0 : text.indexOf(find, first + 1) === -1 ? 1 : 2;
      if (found !== 1) {
        const piece = patch.replacements.length > 1 ? ` (piece ${i + 1})` : '';
        throw new Error(`Paged.js patch "${patch.name}"${piece} ${found === 0 ? 'matches nowhere' : 'matches more than once'} in ${STOCK_PAGED_JS}`);
      }
      text = text.slice(0, first) + replace + text.slice(first + find.length);
    }
  }
  return text;
}

/** Writes the patched polyfill (compile time: scripts/setup/compile.mjs). */
export async function writePatchedPagedJs(options: { path: string }): Promise<void> {
  await writeFile(options.path, applyPatches(await readFile(STOCK_PAGED_JS, 'utf8')));
}

let patched: Promise<string> | undefined;

/**
 * The Paged.js script a layout evaluates. The compiled command reads the copy
 * patched at compile time; run from the TypeScript sources (tests), the stock
 * file is patched once per process.
 */
export function pagedJsScript(variant: PagedJsVariant = 'patched'): Promise<string> {
  if (variant === 'stock') return readFile(STOCK_PAGED_JS, 'utf8');
  if (typeof variant === 'object') {
    const name = 'only' in variant ? variant.only : variant.except;
    if (!PAGED_JS_PATCHES.some((p) => p.name === name)) throw new Error(`no Paged.js patch is named "${name}"`);
    const patches = PAGED_JS_PATCHES.filter((p) => (p.name === name) === 'only' in variant);
    return readFile(STOCK_PAGED_JS, 'utf8').then((stock) => applyPatches(stock, patches));
  }
  if (typeof ZINEPRESS_PATCHED_PAGED_JS === 'string') {
    return readFile(join(dirname(fileURLToPath(import.meta.url)), ZINEPRESS_PATCHED_PAGED_JS), 'utf8');
  }
  patched ??= readFile(STOCK_PAGED_JS, 'utf8').then((stock) => applyPatches(stock));
  return patched;
}
