import { copyFile, mkdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Labels } from '../config/labels.ts';
import { fontFaceRules, planFonts, type FontPlan, type FontPlanOptions } from '../fonts/plan.ts';

export interface StageFontsOptions {
  /** The stage folder; fonts go into `<dir>/fonts/`. */
  dir: string;
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
 * Copies the font files the document uses into `<dir>/fonts/` and returns the
 * @font-face rules pointing at them (relative URLs, so the HTML can be opened
 * from its folder). Only the faces whose unicode-range meets a character of
 * the text are copied (see fonts/plan.ts); only woff2, which every Chromium reads.
 */
export async function stageFonts(options: StageFontsOptions): Promise<string> {
  const { lang, text, capitals, labels } = options;
  const plan = await planOnce({ lang, text, ...(capitals === undefined ? {} : { capitals }), ...(labels === undefined ? {} : { labels }) });
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

/** The last plan, with what it was planned for: a document's web edition stages the faces its print staged, for the same text. */
let last: { options: FontPlanOptions; plan: Promise<FontPlan> } | undefined;

const PLANNED_FROM = ['lang', 'text', 'capitals', 'labels'] as const;

/** The font plan for `options`, planned again only when they differ from the last's (the same strings, the same labels object). */
export function planOnce(options: FontPlanOptions): Promise<FontPlan> {
  const kept = last;
  if (kept !== undefined && PLANNED_FROM.every((key) => kept.options[key] === options[key])) return kept.plan;
  const plan = planFonts(options);
  last = { options, plan };
  // A plan that failed is not kept for the next.
  plan.catch(() => {
    if (last?.plan === plan) last = undefined;
  });
  return plan;
}
