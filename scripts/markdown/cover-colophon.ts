/**
 * The parts of the zine made from the front matter rather than the essay:
 * the cover, the colophon and the back cover. All text goes in as text nodes,
 * so nothing in the front matter can become markup.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { FrontMatter } from '../config/frontmatter.ts';
import type { Labels } from '../config/labels.ts';
import { qrFigure } from './qr.ts';

/** "March 8, 2025" for 2025-03-08 in English; the language's own long form otherwise. */
export function formatDate(date: string, lang: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const locale = Intl.DateTimeFormat.supportedLocalesOf([lang])[0] ?? 'en';
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)),
  );
}

function dateLine(frontMatter: FrontMatter): Element[] {
  const { date, lang } = frontMatter;
  if (date === undefined) return [];
  return [h('p', { className: ['date'] }, [h('time', { dateTime: date }, formatDate(date, lang))])];
}

/** Titles of at most `short` characters are set larger, and titles longer than `long` and `veryLong` smaller, on the cover (styles/matter.css), so that they fit it. */
export const LONG_TITLE = { short: 24, long: 90, veryLong: 180 } as const;

function titleLength(title: string): { className?: string[] } {
  if (title.length > LONG_TITLE.veryLong) return { className: ['very-long'] };
  if (title.length > LONG_TITLE.long) return { className: ['long'] };
  return [...title].length <= LONG_TITLE.short ? { className: ['short'] } : {};
}

/** What the cover takes from the essay rather than the front matter. */
export interface CoverParts {
  /** The checked `cover:` image's src (cover-image.ts). Default: none, a typographic cover. */
  image?: string | undefined;
  /** The lines of the essay's `:::slogans` blocks (cover-text.ts). Default: none. */
  slogans?: readonly string[];
}

/**
 * `<section class="cover cover-poster">`: the image if any (figure.cover-art),
 * then div.cover-type with the title (h1), subtitle, a rule drawn by the
 * design, the slogans, author and date (each only if given). The design
 * (`cover-style`) and the image's place (`cover-image`) are classes for
 * styles/covers.css.
 */
export function coverSection(frontMatter: FrontMatter, parts: CoverParts = {}): Element {
  const { image, slogans = [] } = parts;
  const type: ElementContent[] = [h('h1', titleLength(frontMatter.title), frontMatter.title)];
  if (frontMatter.subtitle !== undefined) type.push(h('p', { className: ['subtitle'] }, frontMatter.subtitle));
  type.push(h('div', { className: ['cover-rule'], ariaHidden: 'true' }));
  if (slogans.length > 0) type.push(h('div', { className: ['cover-slogans'] }, slogans.map((line) => h('p', line))));
  const byline: ElementContent[] = [];
  if (frontMatter.author !== undefined) byline.push(h('p', { className: ['author'] }, frontMatter.author));
  byline.push(...dateLine(frontMatter));
  if (byline.length > 0) type.push(h('div', { className: ['cover-byline'] }, byline));
  const className = ['cover', `cover-${frontMatter['cover-style']}`];
  const children: ElementContent[] = [];
  if (image !== undefined) {
    // The picture is the cover's decoration (alt=""); its credit is in the colophon.
    className.push('has-image', `image-${frontMatter['cover-image']}`);
    children.push(h('figure', { className: frontMatter['cover-image'] === 'full' ? ['cover-art', 'bleed'] : ['cover-art'] }, [h('img', { className: ['cover-image'], src: image, alt: '' })]));
  }
  children.push(h('div', { className: ['cover-type'] }, type));
  return h('section', { className }, children);
}

/** `<section class="colophon">`: the title, each credit line, the date, and what set it. */
export function colophonSection(frontMatter: FrontMatter, labels: Labels): Element {
  const children: ElementContent[] = [h('p', { className: ['title'] }, frontMatter.title)];
  if (frontMatter.author !== undefined) children.push(h('p', { className: ['author'] }, frontMatter.author));
  const coverCredit = frontMatter['cover-credit'];
  if (coverCredit !== undefined) children.push(h('p', { className: ['credit', 'cover-credit'] }, coverCredit));
  for (const credit of frontMatter.credits ?? []) children.push(h('p', { className: ['credit'] }, credit));
  children.push(...dateLine(frontMatter));
  children.push(h('p', { className: ['made-with'] }, labels.setWith));
  return h('section', { className: ['colophon'] }, children);
}

/**
 * `<section class="back-cover">`: the title again, small, the opening lines of
 * the text (or the subtitle, when the text opens with no paragraph), the date,
 * and a QR code of the `url` when there is one.
 */
export function backCoverSection(frontMatter: FrontMatter, labels: Labels, opening?: string): Element {
  const qr = frontMatter.url === undefined ? [] : [qrFigure({ url: frontMatter.url, labels })];
  const blurb = opening ?? frontMatter.subtitle;
  const lines = blurb === undefined ? [] : [h('p', { className: [opening === undefined ? 'subtitle' : 'opening'] }, blurb)];
  return h('section', { className: ['back-cover'] }, [h('p', { className: ['title'] }, frontMatter.title), ...lines, ...dateLine(frontMatter), ...qr]);
}
