/**
 * No missing glyph, ever, silently: every character of the source that can
 * reach the page is looked up in the fonts the document will be set in
 * (fonts/plan.ts, the same choice the print CSS makes). A character no
 * bundled font draws is an error at its place, named by code point and
 * Unicode name, with the font to add; the browser has no system font to hide
 * it behind (browser/fontconfig.ts), so it would print as an empty box.
 *
 * The check reads the source text itself, front matter included, so it holds
 * every character that can be printed; HTML comments are left out (they
 * never reach the page).
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { controlCharacterReason, missingGlyphReason, uncovered, undrawnClusterReason } from '../fonts/coverage.ts';
import { capitalsOfSource } from '../fonts/capitals.ts';
import { planFonts } from '../fonts/plan.ts';
import { error, pointAt, stopOnErrors } from './messages.ts';

/** The source with its HTML comments blanked out (same length, so offsets hold). */
export function printableSource(text: string): string {
  return text.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

export function remarkGlyphCheck() {
  return async (_tree: Root, file: VFile): Promise<void> => {
    const text = printableSource(String(file.value));
    const { settings } = file.data;
    const plan = await planFonts({ lang: file.data.frontMatter?.lang ?? 'en', text, capitals: capitalsOfSource(file.data.frontMatter, text), ...(settings ? { labels: settings.labels } : {}) });
    for (const codePoint of uncovered(plan)) {
      const offset = text.indexOf(String.fromCodePoint(codePoint));
      error(file, await missingGlyphReason(codePoint), pointAt(text, offset), 'missing-glyph');
    }
    for (const cluster of plan.undrawn) {
      // A cluster found only in capitals (a running head's) is placed at its letter in the text, once.
      if (cluster.toLowerCase() !== cluster && plan.undrawn.includes(cluster.toLowerCase())) continue;
      const offset = text.indexOf(cluster);
      const place = offset === -1 ? text.toLowerCase().indexOf(cluster.toLowerCase()) : offset;
      error(file, await undrawnClusterReason(cluster), pointAt(text, Math.max(place, 0)), 'missing-glyph');
    }
    // Control characters other than tab and line ends reach the page as a box (a C1 control is most often a misread Windows-1252 character).
    for (const match of new Set(text.match(/(?![\t\n\r])\p{Cc}/gu))) {
      error(file, await controlCharacterReason(match.codePointAt(0) ?? 0), pointAt(text, text.indexOf(match)), 'control-character');
    }
    stopOnErrors(file);
  };
}
