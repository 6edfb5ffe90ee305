/**
 * The text a zine sets in capitals (`text-transform: uppercase` in styles/):
 * the running heads (the title), the cover's byline (author, date) and its
 * slogans. Their capitals are printed too, so the font plan must find a face
 * for them (a lowercase letter with a mark can have no precomposed capital:
 * ῦ is Υ + U+0342); the rest of the text is never set in capitals.
 */

const COVER_CAPITALS = /class="cover-(?:slogans|byline)"[^>]*>([\s\S]*?)<\/div>/g;
const SLOGANS_BLOCK = /^:{3,}\s*slogans\b[^\n]*\n([\s\S]*?)^:{3,}\s*$/gm;

/** From the HTML the markdown stage made (its cover included) and the title. */
export function capitalsOfHtml(title: string, html: string): string {
  const parts = [title];
  for (const match of html.matchAll(COVER_CAPITALS)) parts.push((match[1] ?? '').replace(/<[^>]*>/g, ' '));
  return parts.join('\n');
}

/** From the markdown source, before it is turned into HTML: its front matter's title and author, and its `:::slogans` blocks. */
export function capitalsOfSource(frontMatter: { title?: string | undefined; author?: string | undefined } | undefined, source: string): string {
  const parts = [frontMatter?.title ?? '', frontMatter?.author ?? ''];
  for (const match of source.matchAll(SLOGANS_BLOCK)) parts.push(match[1] ?? '');
  return parts.join('\n');
}
