/**
 * A fontconfig of the project's own for the browser, so that Chromium never
 * reaches the system's fonts (DejaVu and the like): a fallback would hide a
 * missing glyph and print differently on every machine. Its one folder holds
 * one bundled font, Source Serif 4's Latin, which the browser needs as its
 * last resort (with no font at all, Chromium's renderers crash as soon as two
 * pages lay out at once). Every character of the text is drawn by the web
 * fonts the document brings (fonts/plan.ts); one that none has is refused
 * before layout (markdown/glyphs.ts).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { woffToSfnt } from './woff-to-sfnt.ts';

const require = createRequire(import.meta.url);

export interface FontconfigOptions {
  /** Where fonts.conf, its font and its cache go. Default: `<os tmp>/zinepress-fontconfig-<uid>`. */
  dir?: string;
}

/** The last-resort font: a file of @fontsource/source-serif-4 that FreeType reads (WOFF 1). */
export const LAST_RESORT = '@fontsource/source-serif-4/files/source-serif-4-latin-400-normal.woff';

/** The generic families the browser itself asks for (its own interface, CSS generics). */
const GENERIC = ['sans-serif', 'sans', 'serif', 'monospace', 'system-ui', 'cursive', 'fantasy'];

/**
 * fonts.conf with one folder of the project's and no <include> of the
 * system's configuration, but its rendering settings (Debian's and most
 * desktops' defaults): they decide how glyphs are rasterised and placed, and
 * so where lines break; without them the same text lays out differently.
 */
export function fontsConf(fontDir: string, cacheDir: string): string {
  return `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>${fontDir}</dir>
  <cachedir>${cacheDir}</cachedir>
${GENERIC.map((name) => `  <alias><family>${name}</family><prefer><family>Source Serif 4</family></prefer></alias>`).join('\n')}
  <match target="font">
    <edit name="antialias" mode="assign"><bool>true</bool></edit>
    <edit name="hinting" mode="assign"><bool>true</bool></edit>
    <edit name="hintstyle" mode="assign"><const>hintslight</const></edit>
    <edit name="rgba" mode="assign"><const>none</const></edit>
    <edit name="lcdfilter" mode="assign"><const>lcddefault</const></edit>
    <edit name="embeddedbitmap" mode="assign"><bool>false</bool></edit>
  </match>
</fontconfig>
`;
}

/**
 * Writes a file whole, by renaming a fresh copy over it: another build's
 * browser may be reading the same fonts.conf and font right now, and must
 * never see them half written. A file that already says the same is left
 * as it is: every build would otherwise write both anew, and a build
 * stopped between the write and the rename leaves its copy behind.
 */
async function replace(file: string, data: string | Buffer): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const existing = await readFile(file).catch(() => undefined);
  if (existing?.equals(bytes)) return;
  const fresh = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await writeFile(fresh, bytes);
  await rename(fresh, file);
}

/** Writes the fonts.conf beside its font and returns the environment the browser is started with. */
export async function fontconfigEnv(options: FontconfigOptions = {}): Promise<Record<string, string | undefined>> {
  const dir = options.dir ?? join(tmpdir(), `zinepress-fontconfig-${process.getuid?.() ?? 'user'}`);
  const fontDir = join(dir, 'fonts');
  const cacheDir = join(dir, 'cache');
  await mkdir(fontDir, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  await replace(join(fontDir, 'last-resort.ttf'), woffToSfnt(await readFile(require.resolve(LAST_RESORT))));
  const file = join(dir, 'fonts.conf');
  await replace(file, fontsConf(fontDir, cacheDir));
  return { ...process.env, FONTCONFIG_FILE: file, FONTCONFIG_PATH: dir };
}
