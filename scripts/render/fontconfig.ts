/**
 * A fontconfig of the project's own for the browser: no font folder at all,
 * so Chromium can draw only the web fonts the document brings (fonts/plan.ts)
 * and never falls back to the system's (DejaVu and the like). A character no
 * bundled font has is caught before layout (markdown/glyphs.ts) instead of
 * being hidden by a fallback that prints differently on every machine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FontconfigOptions {
  /** Where fonts.conf and its cache go. Default: `<os tmp>/zinepress-fontconfig-<uid>`. */
  dir?: string;
}

/** fonts.conf with no <dir> and no <include>: fontconfig knows no font. */
export function fontsConf(cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <cachedir>${cacheDir}</cachedir>
</fontconfig>
`;
}

/** Writes the fonts.conf and returns the environment the browser is started with. */
export async function fontconfigEnv(options: FontconfigOptions = {}): Promise<Record<string, string | undefined>> {
  const dir = options.dir ?? join(tmpdir(), `zinepress-fontconfig-${process.getuid?.() ?? 'user'}`);
  const file = join(dir, 'fonts.conf');
  await mkdir(join(dir, 'cache'), { recursive: true });
  await writeFile(file, fontsConf(join(dir, 'cache')));
  return { ...process.env, FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
}
