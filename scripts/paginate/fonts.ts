import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The faces the print CSS uses, all from npm (@fontsource), so no system font
 * is ever used. Each stylesheet covers Latin, Latin Extended, Greek, Cyrillic
 * and Vietnamese through unicode-range subsets.
 */
export const FONT_STYLESHEETS: readonly string[] = [
  '@fontsource/source-serif-4/400.css',
  '@fontsource/source-serif-4/400-italic.css',
  '@fontsource/source-serif-4/600.css',
  '@fontsource/source-serif-4/600-italic.css',
  '@fontsource/source-sans-3/400.css',
  '@fontsource/source-sans-3/600.css',
  '@fontsource/source-sans-3/700.css',
  '@fontsource/source-code-pro/400.css',
];

/**
 * Copies the font files into `<dir>/fonts/` and returns the @font-face rules
 * pointing at them (relative URLs, so the HTML can be opened from its folder).
 * Only the woff2 sources are kept: every Chromium reads them.
 */
export async function stageFonts(dir: string): Promise<string> {
  await mkdir(join(dir, 'fonts'), { recursive: true });
  const rules: string[] = [];
  for (const sheet of FONT_STYLESHEETS) {
    const cssPath = require.resolve(sheet);
    const css = await readFile(cssPath, 'utf8');
    const copies: Promise<void>[] = [];
    const rewritten = css.replace(
      /src: url\(\.\/files\/([^)]+\.woff2)\) format\('woff2'\)(?:, url\([^)]+\) format\('woff'\))?/g,
      (_match, file: string) => {
        copies.push(copyFile(join(dirname(cssPath), 'files', file), join(dir, 'fonts', basename(file))));
        return `src: url(fonts/${file}) format('woff2')`;
      },
    );
    await Promise.all(copies);
    rules.push(rewritten);
  }
  return rules.join('\n');
}
