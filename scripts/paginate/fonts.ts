import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Labels } from '../config/labels.ts';
import { fontFaceRules, planFonts, type FontPlan } from '../fonts/plan.ts';

export interface DocumentFontsOptions {
  /** The document's language tag. */
  lang: string;
  /** Everything the document prints (its HTML body and title). */
  text: string;
  /** What of it is also set in capitals (fonts/capitals.ts). Default: none. */
  capitals?: string;
  /** The words the layout prints besides the text (ResolvedDocument.labels). Default: none. */
  labels?: Labels;
}

/**
 * The faces a document prints with: those whose unicode-range meets a
 * character of its text (see fonts/plan.ts). Planned once per document, and
 * staged beside each of its HTML files that needs them (stageFonts).
 */
export function documentFonts(options: DocumentFontsOptions): Promise<FontPlan> {
  const { lang, text, capitals, labels } = options;
  return planFonts({ lang, text, ...(capitals === undefined ? {} : { capitals }), ...(labels === undefined ? {} : { labels }) });
}

export interface StageFontsOptions {
  /** The stage folder; fonts go into `<dir>/fonts/`. */
  dir: string;
  /** The document's fonts (documentFonts). */
  plan: FontPlan;
}

/**
 * Copies the planned font files into `<dir>/fonts/` and returns the
 * @font-face rules pointing at them (relative URLs, so the HTML can be opened
 * from its folder); only woff2, which every Chromium reads.
 */
export async function stageFonts(options: StageFontsOptions): Promise<string> {
  const { plan } = options;
  await mkdir(join(options.dir, 'fonts'), { recursive: true });
  const files = new Set(plan.faces.map(({ face }) => face.file));
  await Promise.all(
    [...files].map(async (file) => {
      const target = join(options.dir, 'fonts', basename(file));
      // One staged before (the preview's last layout) is not copied again: the bundled fonts do not change under it.
      const [staged, bundled] = await Promise.all([stat(target).catch(() => undefined), stat(file)]);
      if (staged?.size !== bundled.size) await copyFile(file, target);
    }),
  );
  return fontFaceRules(plan, (face) => `fonts/${basename(face.file)}`);
}
