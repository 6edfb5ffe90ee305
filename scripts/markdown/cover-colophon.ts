/**
 * The parts of the zine made from the front matter rather than the essay:
 * the cover, the colophon and the back cover. All text goes in as text nodes,
 * so nothing in the front matter can become markup.
 */
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { FrontMatter } from '../config/frontmatter.ts';
import { labelsFor } from '../config/labels.ts';
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

/** Titles longer than these many characters are set smaller on the cover (styles/matter.css), so that they fit it. */
export const LONG_TITLE = { long: 90, veryLong: 180 } as const;

function titleLength(title: string): { className?: string[] } {
  if (title.length > LONG_TITLE.veryLong) return { className: ['very-long'] };
  return title.length > LONG_TITLE.long ? { className: ['long'] } : {};
}

/** `<section class="cover">`: h1 title, p.subtitle, p.author, p.date (each only if given). */
export function coverSection(frontMatter: FrontMatter): Element {
  const children: ElementContent[] = [h('h1', titleLength(frontMatter.title), frontMatter.title)];
  if (frontMatter.subtitle !== undefined) children.push(h('p', { className: ['subtitle'] }, frontMatter.subtitle));
  if (frontMatter.author !== undefined) children.push(h('p', { className: ['author'] }, frontMatter.author));
  children.push(...dateLine(frontMatter));
  return h('section', { className: ['cover'] }, children);
}

/** `<section class="colophon">`: the title, each credit line, the date, and what set it. */
export function colophonSection(frontMatter: FrontMatter): Element {
  const children: ElementContent[] = [h('p', { className: ['title'] }, frontMatter.title)];
  if (frontMatter.author !== undefined) children.push(h('p', { className: ['author'] }, frontMatter.author));
  for (const credit of frontMatter.credits ?? []) children.push(h('p', { className: ['credit'] }, credit));
  children.push(...dateLine(frontMatter));
  children.push(h('p', { className: ['made-with'] }, labelsFor(frontMatter.lang).setWith));
  return h('section', { className: ['colophon'] }, children);
}

/** `<section class="back-cover">`: the title again, small, the date, and a QR code of the `url` when there is one. */
export function backCoverSection(frontMatter: FrontMatter): Element {
  const qr = frontMatter.url === undefined ? [] : [qrFigure({ url: frontMatter.url, labels: labelsFor(frontMatter.lang) })];
  return h('section', { className: ['back-cover'] }, [h('p', { className: ['title'] }, frontMatter.title), ...dateLine(frontMatter), ...qr]);
}
