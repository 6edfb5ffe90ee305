import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Direction } from '../config/direction.ts';
import type { Labels } from '../config/labels.ts';
import { STYLES_DIR } from '../util/project-root.ts';


/** The print stylesheets, in cascade order; each trim adds its own last. */
export const STYLESHEETS: readonly string[] = ['line-breaking.css', 'type.css', 'page.css', 'footnotes.css', 'matter.css', 'covers.css', 'card.css'];

/**
 * What a layout is for, and so its page size: `reading` is the reading edition
 * (half a sheet: half-letter or A5), `mini` a cell of the one-sheet zine (a
 * quarter of that: 2.75 × 4.25 in or 74 × 105 mm), `card` a slip of the card
 * alone (quarter-letter or A6).
 */
export const TRIMS = {
  reading: { letter: ['5.5in', '8.5in'], a4: ['148mm', '210mm'], stylesheet: undefined },
  mini: { letter: ['2.75in', '4.25in'], a4: ['74mm', '105mm'], stylesheet: 'mini.css' },
  card: { letter: ['4.25in', '5.5in'], a4: ['105mm', '148mm'], stylesheet: 'slip.css' },
} as const;

export type Trim = keyof typeof TRIMS;
export type Paper = 'letter' | 'a4';

const POINTS: Record<string, number> = { in: 72, mm: 72 / 25.4 };

/** A trim's page size in points. */
export function trimSize(trim: Trim, paper: Paper): { width: number; height: number } {
  const [width = 0, height = 0] = TRIMS[trim][paper].map((length) => parseFloat(length) * (POINTS[length.replace(/[\d.]/g, '')] ?? 0));
  return { width, height };
}

export interface DocumentOptions {
  /** The body fragment from the markdown stage. */
  body: string;
  title: string;
  lang: string;
  /** Which way lines run and pages turn. Default: `ltr`. */
  dir?: Direction;
  /** Paper family: letter or a4. */
  paper: Paper;
  /** What the pages are for. Default: `reading`. */
  trim?: Trim;
  /** Body type size in points. Default: the stylesheet's (10 pt for reading). */
  fontSize?: number;
  /** `large-print` adds styles/large-print.css: 16 pt sans, ragged right, more leading. Default: `standard`. */
  edition?: 'standard' | 'large-print';
  /** Fewest lines of a paragraph left at the top and at the foot of a page. Default: the stylesheet's (2). */
  widows?: number;
  /** `stars` gives the author's *, **, ***; `numbers` gives 1, 2, 3. */
  footnotes: 'stars' | 'numbers';
  /** The @font-face rules (see fonts.ts). */
  fontFaces: string;
  /** Blocks (`line:column` of their markdown) a page must break before: a repair of the layout (formats/lay-out.ts). Default: none. */
  breaksBefore?: readonly string[];
  /** Points the page reaches past its trim on every side, for a print shop to cut off. Default: 0. */
  bleed?: number;
  /** Crop marks in the bleed, outside the trim's corners. Default: false. */
  cropMarks?: boolean;
  /** The user's own stylesheet, after every rule of the project's. Default: none. */
  userCss?: string;
  /** The words the stylesheets print (ResolvedDocument.labels). Default: none: the stylesheets' own English ones. */
  labels?: Labels;
}

/** A CSS string holding `text`. */
const cssString = (text: string): string => `"${text.replace(/["\\]/g, (char) => `\\${char}`)}"`;

/** The custom properties the stylesheets print their labels from. */
function labelRules(labels: Labels | undefined): string {
  if (labels === undefined) return '';
  return ` --label-cut-line: ${cssString(labels.cutLine)}; --label-continued: ${cssString(`${labels.continued}\u2002`)}; --label-notes-page: ${cssString(labels.notesPage)};`;
}

/** What the build chooses per document: the page size and the footnote marks. */
function buildRules(options: DocumentOptions): string {
  const [width, height] = TRIMS[options.trim ?? 'reading'][options.paper];
  const style = options.footnotes === 'stars' ? ', stars' : '';
  const fontSize = options.fontSize === undefined ? '' : `html { font-size: ${options.fontSize}pt; }`;
  const widows = options.widows === undefined ? '' : `.essay { widows: ${options.widows}; orphans: ${options.widows}; }`;
  // Paged.js counts calls with `footnote` and the notes themselves with `footnote-marker`.
  // Paged.js makes the page larger by the bleed on every side and draws the crop marks in it.
  const bleed = options.bleed === undefined || options.bleed <= 0 ? '' : ` bleed: ${options.bleed}pt;${options.cropMarks === true ? ' marks: crop;' : ''}`;
  return `@page { size: ${width} ${height};${bleed} }
:root { --page-width: ${width}; --page-height: ${height}; --bleed: ${options.bleed ?? 0}pt;${labelRules(options.labels)} }
.footnote::footnote-call { content: counter(footnote${style}); }
.footnote::footnote-marker { content: counter(footnote-marker${style}) "\\2002"; }
${fontSize}
${widows}
${(options.breaksBefore ?? []).map((place) => `[data-source="${place}"] { break-before: page; }`).join('\n')}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * A right-to-left book turns its pages the other way: its odd pages (rectos)
 * are left-hand pages, with the spine on their right. Paged.js calls every odd
 * page `:right` whatever the direction, so in a right-to-left document the
 * sides of every `@page :left` and `:right` rule are swapped.
 */
export function mirrorPageSides(css: string): string {
  return css.replace(/(@page[^{]*:)(left|right)\b/g, (_, rule: string, side: string) => rule + (side === 'left' ? 'right' : 'left'));
}

/** The most characters a running header holds: one line of the header's small capitals. */
export const RUNNING_TITLE_MAX = 50;

/**
 * The running header: the title up to its colon, if it has one, cut after its
 * last whole word within RUNNING_TITLE_MAX characters and marked "…" when longer
 * (a long title would wrap upwards in the top margin, off the page).
 */
export function runningTitle(title: string): string {
  const head = title.split(':')[0]?.trim() ?? title;
  if (head.length <= RUNNING_TITLE_MAX) return head;
  const cut = head.slice(0, RUNNING_TITLE_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > RUNNING_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;.—-]+$/, '')}…`;
}

/** The running header's text rides on a hidden element at the start of the essay. */
function withRunningTitle(body: string, title: string): string {
  return body.replace(/<main class="essay"[^>]*>/, (open) => `${open}<p class="running-title">${escapeHtml(title)}</p>`);
}

/**
 * The whole HTML document that Paged.js lays out: the body fragment, the print
 * CSS inline, and a Content-Security-Policy that allows no script and no
 * request outside the document's own folder. The @font-face rules are left
 * out of Paged.js's styles (`data-pagedjs-ignore`): it would parse them, with
 * the rest, in every layout, and write them back as they were.
 */
export async function buildDocument(options: DocumentOptions): Promise<string> {
  const extra = [TRIMS[options.trim ?? 'reading'].stylesheet, options.edition === 'large-print' ? 'large-print.css' : undefined];
  const names = [...STYLESHEETS, ...extra.filter((name) => name !== undefined)];
  const dir = options.dir ?? 'ltr';
  const read = await Promise.all(names.map((name) => readFile(join(STYLES_DIR, name), 'utf8')));
  const sheets = dir === 'rtl' ? read.map(mirrorPageSides) : read;
  const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src file:; img-src file: data:";
  return `<!doctype html>
<html lang="${escapeHtml(options.lang)}" dir="${dir}" class="trim-${options.trim ?? 'reading'} edition-${options.edition ?? 'standard'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(options.title)}</title>
<style data-pagedjs-ignore>
${options.fontFaces}
</style>
<style>
${sheets.join('\n')}
${buildRules(options)}
</style>
<style>
${options.userCss ?? ''}
</style>
</head>
<body>
${withRunningTitle(options.body, runningTitle(options.title))}
</body>
</html>
`;
}
