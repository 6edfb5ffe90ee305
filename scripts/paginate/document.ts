import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const STYLES_DIR = fileURLToPath(new URL('../../styles/', import.meta.url));

/** The print stylesheets, in cascade order. */
export const STYLESHEETS: readonly string[] = ['type.css', 'page.css', 'footnotes.css', 'matter.css', 'card.css'];

/** Trim sizes of one page, by paper: half a letter sheet, or A5 (half of A4). */
export const PAGE_SIZES = {
  letter: { width: '5.5in', height: '8.5in' },
  a4: { width: '148mm', height: '210mm' },
} as const;

export type Paper = keyof typeof PAGE_SIZES;

export interface DocumentOptions {
  /** The body fragment from the markdown stage. */
  body: string;
  title: string;
  lang: string;
  /** Page size family. */
  paper: Paper;
  /** `stars` gives the author's *, **, ***; `numbers` gives 1, 2, 3. */
  footnotes: 'stars' | 'numbers';
  /** The @font-face rules (see fonts.ts). */
  fontFaces: string;
}

/** What the build chooses per document: the page size and the footnote marks. */
function buildRules(options: DocumentOptions): string {
  const size = PAGE_SIZES[options.paper];
  const style = options.footnotes === 'stars' ? ', stars' : '';
  // Paged.js counts calls with `footnote` and the notes themselves with `footnote-marker`.
  return `@page { size: ${size.width} ${size.height}; }
:root { --page-width: ${size.width}; --page-height: ${size.height}; }
.footnote::footnote-call { content: counter(footnote${style}); }
.footnote::footnote-marker { content: counter(footnote-marker${style}) "\\2002"; }`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The running header: the title up to its colon, if it has one. */
export function runningTitle(title: string): string {
  return title.split(':')[0]?.trim() ?? title;
}

/** The running header's text rides on a hidden element at the start of the essay. */
function withRunningTitle(body: string, title: string): string {
  return body.replace(/<main class="essay"[^>]*>/, (open) => `${open}<p class="running-title">${escapeHtml(title)}</p>`);
}

/**
 * The whole HTML document that Paged.js lays out: the body fragment, the print
 * CSS inline, and a Content-Security-Policy that allows no script and no
 * request outside the document's own folder.
 */
export async function buildDocument(options: DocumentOptions): Promise<string> {
  const sheets = await Promise.all(STYLESHEETS.map((name) => readFile(join(STYLES_DIR, name), 'utf8')));
  const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src file:; img-src file: data:";
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(options.title)}</title>
<style>
${options.fontFaces}
</style>
<style>
${buildRules(options)}
${sheets.join('\n')}
</style>
</head>
<body>
${withRunningTitle(options.body, runningTitle(options.title))}
</body>
</html>
`;
}
