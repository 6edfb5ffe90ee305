/**
 * The gallery page, output/index.html, from the documents' manifests: plain
 * HTML with its style inline and no script, so it opens from file:// with
 * nothing to fetch but the files beside it. Each document's section carries
 * its language and direction; the page's own words are English.
 */
import type { Format } from '../config/frontmatter.ts';
import { instructionsFor, type PrinterSettings } from './instructions.ts';
import type { FormatEntry, Manifest } from './manifest.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A relative URL from output/ to a document's file. */
const href = (manifest: Manifest, file: string) =>
  [manifest.name, ...file.split('/')].map((part) => encodeURIComponent(part)).join('/');

export const FORMAT_NAMES: Record<Format, string> = {
  reading: 'Reading edition',
  booklet: 'Booklet',
  mini: 'Mini zine',
  slips: 'Card slips',
  web: 'Web edition',
  'large-print': 'Large-print edition',
};

/** What one thumbnail shows, in words: its caption and the start of its alt text. */
export function thumbnailLabel(format: Format, index: number, count = 1): string {
  switch (format) {
    case 'reading':
    case 'large-print':
      return index === 0 ? 'page 1 (cover)' : `page ${index + 1}`;
    case 'booklet':
      return `sheet ${Math.floor(index / 2) + 1}, ${index % 2 === 0 ? 'front' : 'back'}`;
    case 'mini':
      return count === 2 ? `the sheet, ${index === 0 ? 'front' : 'back'}` : 'the sheet (one side)';
    case 'slips':
      return `side ${index + 1}`;
    case 'web':
      return 'the page';
  }
}

function counts(entry: FormatEntry): string {
  if (entry.format === 'web') return 'one page for any screen';
  const pages = `${entry.pages} pages`;
  if (entry.sheets === undefined) return pages;
  return `${pages} on ${entry.sheets} ${entry.sheets === 1 ? 'sheet' : 'sheets'}`;
}

/**
 * Where a click on a thumbnail goes: the page or sheet side it pictures, in
 * the file itself (every thumbnail of a PDF is one of its pages, in order),
 * which a browser's PDF viewer opens at that page, as large as the screen.
 */
export function largeView(manifest: Manifest, entry: FormatEntry, index: number): string {
  const file = href(manifest, entry.file);
  return entry.format === 'web' ? file : `${file}#page=${index + 1}`;
}

function formatSection(manifest: Manifest, entry: FormatEntry): string {
  const name = FORMAT_NAMES[entry.format];
  const { settings, steps, diagrams } = instructionsFor(entry.format, manifest.paper, manifest.binding, { card: manifest.card, pages: entry.pages, ...(entry.signature === undefined ? {} : { signature: entry.signature }) });
  const thumbs = entry.thumbnails
    .map((file, index) => {
      const label = thumbnailLabel(entry.format, index, entry.thumbnails.length);
      const alt = `${name} of “${manifest.title}”, ${label}`;
      return `<figure><a href="${escape(largeView(manifest, entry, index))}" title="open it large"><img src="${href(manifest, file)}" alt="${escape(alt)}"></a><figcaption>${escape(label)}</figcaption></figure>`;
    })
    .join('\n');
  const pictures = diagrams
    .flatMap((diagram) => {
      const file = manifest.diagrams[diagram.file];
      return file === undefined ? [] : [`<img class="diagram" src="${href(manifest, file)}" alt="${escape(diagram.alt)}">`];
    })
    .join('\n');
  const test =
    entry.format === 'booklet' && manifest.testSheet !== undefined
      ? `<p>One-sheet test print: <a href="${href(manifest, manifest.testSheet)}">test-sheet.pdf</a>, numbered pages on both sides of one sheet; print it with the settings above and check that page 2 is upright behind page 1.</p>`
      : '';
  return `<section class="format" lang="en" dir="ltr">
<h3>${name}: <a href="${href(manifest, entry.file)}">${escape(entry.file)}</a>, ${counts(entry)}</h3>
<div class="thumbs ${entry.format}">
${thumbs}
</div>
${settings === undefined ? '' : settingsTable(settings)}
<ol class="steps">${steps.map((step) => `<li>${escape(step)}</li>`).join('')}</ol>
${test}
${pictures}
</section>`;
}

/** The flip-book: both covers as their readers see them, then every sheet side, printed and folded as a booklet. */
function flipBookSection(manifest: Manifest): string {
  const flip = manifest.flipBook;
  if (flip === undefined) return '';
  const { second } = flip;
  const { settings, steps } = instructionsFor('booklet', manifest.paper, manifest.binding, { card: manifest.card, pages: flip.pages });
  const diagram = manifest.diagrams['flip-book.png'];
  const cover = (file: string, title: string, lang: string, dir: string, caption: string) =>
    `<figure><img src="${href(manifest, file)}" alt="${escape(`The cover of “${title}”`)}" lang="${escape(lang)}" dir="${dir}"><figcaption>${escape(caption)}</figcaption></figure>`;
  const sides = flip.thumbnails
    .map((file, index) => {
      const label = thumbnailLabel('booklet', index);
      return `<figure><a href="${escape(`${href(manifest, flip.file)}#page=${index + 1}`)}" title="open it large"><img src="${href(manifest, file)}" alt="${escape(`Flip-book of “${manifest.title}” and “${second.title}”, ${label}`)}"></a><figcaption>${escape(label)}</figcaption></figure>`;
    })
    .join('\n');
  const turn = flip.turned ? 'turn the booklet over top to bottom' : 'turn the booklet over like a page';
  const pictures = diagram === undefined ? [] : [`<img class="diagram" src="${href(manifest, diagram)}" alt="Flip-book: the first text's pages from the front cover, the second's from the back cover, turned when both read one way; blanks where they meet">`];
  // Each title isolated (U+2068…U+2069), so that a right-to-left one keeps its order in the English sentence.
  const isolated = (title: string) => `\u2068${title}\u2069`;
  return `<section class="format" lang="en" dir="ltr">
<h3>Flip-book with ${escape(second.name)}: <a href="${href(manifest, flip.file)}">${escape(flip.file)}</a>, ${flip.pages} pages on ${flip.sheets} ${flip.sheets === 1 ? 'sheet' : 'sheets'}</h3>
<div class="thumbs reading">
${cover(flip.covers[0], manifest.title, manifest.lang, manifest.dir, 'front cover')}
${cover(flip.covers[1], second.title, second.lang, second.dir, `back cover, ${flip.turned ? 'printed upside down' : 'upright'}`)}
</div>
<div class="thumbs booklet">
${sides}
</div>
${settings === undefined ? '' : settingsTable(settings)}
<ol class="steps">${[...steps, `Read “${isolated(manifest.title)}” from the front cover; ${turn} to read “${isolated(second.title)}” from the back cover.`].map((step) => `<li>${escape(step)}</li>`).join('')}</ol>
${pictures.join('\n')}
</section>`;
}

function settingsTable(settings: PrinterSettings): string {
  return `<table class="settings"><caption>Printer settings</caption>
<tr><th scope="row">Paper</th><td>${escape(settings.paper)}</td></tr>
<tr><th scope="row">Scale</th><td>${escape(settings.scale)}</td></tr>
<tr><th scope="row">Sides</th><td>${escape(settings.sides)}</td></tr>
</table>`;
}

/** The privacy line: what was removed from which image. */
function privacy(manifest: Manifest): string {
  if (manifest.privacy.length === 0) return '';
  return `\n<p class="privacy">Images: ${manifest.privacy.map((line) => escape(line)).join('; ')}.</p>`;
}

/** The build's warnings for the document, to check before printing. */
function warnings(manifest: Manifest): string {
  if (manifest.warnings.length === 0) return '';
  const items = manifest.warnings.map((line) => `<li><code>${escape(line)}</code></li>`).join('');
  const count = manifest.warnings.length === 1 ? '1 warning' : `${manifest.warnings.length} warnings`;
  return `\n<div class="warnings" lang="en" dir="ltr"><h3>${count} to check before printing</h3><ul>${items}</ul></div>`;
}

function documentSection(manifest: Manifest): string {
  const reading = manifest.formats.find((entry) => entry.format === 'reading') ?? manifest.formats[0];
  const cover = reading?.thumbnails[0];
  const coverAlt =
    reading?.format === 'reading'
      ? `The cover of “${manifest.title}”`
      : `${FORMAT_NAMES[reading?.format ?? 'reading']} of “${manifest.title}”, ${thumbnailLabel(reading?.format ?? 'reading', 0)}`;
  const coverImage = cover === undefined ? '' : `<img class="cover" src="${href(manifest, cover)}" alt="${escape(coverAlt)}">`;
  const files = manifest.formats
    .map((entry) => `<li><a href="${href(manifest, entry.file)}">${escape(entry.file)}</a>: ${FORMAT_NAMES[entry.format]}, ${counts(entry)}</li>`)
    .join('');
  return `<section class="document" id="${escape(manifest.name)}" lang="${escape(manifest.lang)}" dir="${manifest.dir}">
<header>${coverImage}<div>
<h2>${escape(manifest.title)}</h2>
<div lang="en" dir="ltr"><p class="name">${escape(manifest.name)}/ · ${manifest.paper === 'a4' ? 'A4' : 'US Letter'} paper${manifest.binding === 'right' ? ' · bound on the right' : ''}</p>
<ul class="files">${files}</ul>${privacy(manifest)}</div>
</div></header>${warnings(manifest)}
${manifest.formats.map((entry) => formatSection(manifest, entry)).join('\n')}
${flipBookSection(manifest)}
</section>`;
}

const STYLE = `
body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #222; }
.document { margin-top: 3rem; border-top: 2px solid #222; padding-top: 1rem; }
.document > header { display: flex; gap: 1.5rem; align-items: flex-start; }
.document h2 { margin: 0 0 .5rem; }
.cover { width: 150px; flex: none; box-shadow: 0 1px 4px #0006; }
.name { color: #555; margin: 0; }
.format h3 { margin-top: 2rem; }
.thumbs { display: flex; flex-wrap: wrap; gap: .75rem; }
.thumbs figure { margin: 0; text-align: center; font-size: .8rem; color: #555; }
.thumbs img { display: block; border: 1px solid #bbb; background: #fff; }
.thumbs a:hover img, .thumbs a:focus img { outline: 2px solid #222; }
.settings { border-collapse: collapse; margin: 1rem 0; }
.settings caption { text-align: start; font-weight: bold; }
.settings th, .settings td { text-align: start; padding: .2rem 1rem .2rem 0; border-bottom: 1px solid #ddd; }
.warnings { margin-top: 1rem; padding: .5rem 1rem; background: #fff4d6; border-inline-start: 4px solid #b8860b; }
.warnings h3 { margin: 0 0 .25rem; font-size: 1rem; }
.warnings ul { margin: 0; padding-inline-start: 1.25rem; }
.warnings code { white-space: pre-wrap; overflow-wrap: anywhere; }
.diagram { max-width: min(100%, 40rem); height: auto; border: 1px solid #ddd; }
`;

/** Marks the page as the build's own, so a later build may replace it (see gallery.ts). */
export const GENERATOR = 'Zinepress gallery';

export function galleryHtml(manifests: readonly Manifest[]): string {
  const list = manifests.map((manifest) => `<li><a href="#${escape(manifest.name)}" lang="${escape(manifest.lang)}">${escape(manifest.title)}</a> (${escape(manifest.name)})</li>`).join('');
  const body = manifests.length === 0 ? '<p>No document has been built into this folder yet.</p>' : `<ul>${list}</ul>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${GENERATOR}">
<title>Zines: what will come out of the printer</title>
<link rel="icon" href="data:,">
<style>${STYLE}</style>
</head>
<body>
<h1>What will come out of the printer</h1>
<p>Every document built into this folder, page by page and sheet by sheet, with how to print and fold it. Click a page or a sheet to open it large. Print at 100 %.</p>
${body}
${manifests.map(documentSection).join('\n')}
</body>
</html>
`;
}
