import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../scripts/build.ts';
import type { LayoutReport } from '../scripts/paginate/paginate.ts';
import type { LaidOut } from '../scripts/util/reporter.ts';
import { deepList, essayRepeated, longNotes, longTitle, longWords, manyNotes, wideTable } from './helpers/documents.ts';
import { expectFull, expectWhole } from './helpers/layout-report.ts';
import { readPages, type PdfPage } from './helpers/pdf.ts';

/** Letters and digits only, lower case: compares text whatever the line breaks and hyphenation did. */
const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** How many times each letter occurs. */
function letterCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const letter of compact(text)) counts.set(letter, (counts.get(letter) ?? 0) + 1);
  return counts;
}

/** Letters of `source` that the pages do not hold as often as the source does (none when nothing was lost). */
function missingLetters(source: string, pages: PdfPage[]): string[] {
  const printed = letterCounts(pages.map((page) => page.text).join(' '));
  return [...letterCounts(source)].filter(([letter, count]) => (printed.get(letter) ?? 0) < count).map(([letter]) => letter);
}

/**
 * Words that reach outside the page, or past its right margin when one is
 * given; words set upright only (the card's cut line runs along its edge).
 */
function outside(page: PdfPage, rightMargin = 0): string[] {
  return page.words
    .filter((w) => w.transform[1] === 0 && w.transform[2] === 0)
    .filter((w) => w.x < 0 || w.y < 0 || w.x + w.width > page.width - rightMargin + 0.5 || w.y + w.height > page.height)
    .map((w) => w.str);
}

const DOCUMENTS = {
  'long-title': longTitle(300),
  'wide-table': wideTable(12),
  'long-words': longWords(),
  'long-notes': longNotes(),
  'many-notes': manyNotes(),
  'essay-x20': essayRepeated(20),
  'deep-list': deepList(40),
};
const pdfs = new Map<string, PdfPage[]>();
/** Each document's reading layouts in the build, by name: one, unless the build laid it out again to repair it. */
const layouts = new Map<string, LayoutReport[]>();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-long-build-'));
  const files = await Promise.all(
    Object.entries(DOCUMENTS).map(async ([name, markdown]) => {
      const path = join(dir, `${name}.md`);
      await writeFile(path, markdown);
      return path;
    }),
  );
  const out = join(dir, 'out');
  const laidOut = ({ source, trim, report }: LaidOut) => {
    const name = basename(source, '.md');
    if (trim === 'reading') layouts.set(name, [...(layouts.get(name) ?? []), report]);
  };
  await build({ files, out, progress: false, gallery: false, formats: ['reading'], concurrency: 2, reporter: { warn: () => undefined, laidOut } });
  for (const name of Object.keys(DOCUMENTS)) pdfs.set(name, await readPages(await readFile(join(out, name, 'reading.pdf'))));
}, 420_000);

const pagesOf = (name: string): PdfPage[] => pdfs.get(name) ?? [];
const titleOf = (markdown: string): string => /^title: (.*)$/m.exec(markdown)?.[1] ?? '';

describe('a 300-character title', () => {
  const title = titleOf(DOCUMENTS['long-title']);

  it('is whole on the cover, inside the page', () => {
    expect(title.length).toBeGreaterThanOrEqual(290);
    const cover = pagesOf('long-title')[0] as PdfPage;
    expect(compact(cover.text)).toContain(compact(title));
    expect(outside(cover)).toEqual([]);
  });

  it('runs at the head of the text pages on one line, inside the page', () => {
    const pages = pagesOf('long-title');
    const first = title.split(' ').slice(0, 2).join(' ').toUpperCase();
    const headed = pages.filter((page) => page.text.includes(first));
    // The cover, then the essay's pages after its first (which has no running head).
    expect(headed.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(outside(page)).toEqual([]);
    const head = (headed[1] as PdfPage).words.filter((w) => w.y > (headed[1] as PdfPage).height - 0.6 * 72);
    expect(new Set(head.map((w) => Math.round(w.y))).size).toBe(1);
    expect(head.map((w) => w.str).join(' ')).toContain('…');
  });
});

describe('a table of 12 columns of long words', () => {
  it('keeps all its text on the pages, none past the right margin', () => {
    const pages = pagesOf('wide-table');
    const markdown = DOCUMENTS['wide-table'];
    expect(missingLetters(markdown.slice(markdown.indexOf('\n---\n') + 5), pages)).toEqual([]);
    // The narrower margin of a page is half an inch.
    for (const page of pages) expect(outside(page, 0.5 * 72)).toEqual([]);
    expect(compact(pages.map((page) => page.text).join(' '))).toContain('heading12');
  });
});

describe('a long word, a long link and a 400-character line of code', () => {
  it('are all on the pages, inside the margins', () => {
    const pages = pagesOf('long-words');
    const markdown = DOCUMENTS['long-words'];
    expect(missingLetters(markdown.slice(markdown.indexOf('\n---\n') + 5), pages)).toEqual([]);
    const code = /```\n(.*)\n```/.exec(markdown)?.[1] ?? '';
    expect(code.length).toBeGreaterThan(360);
    expect(compact(pages.map((page) => page.text).join(' '))).toContain(compact(code));
    for (const page of pages) expect(outside(page, 0.5 * 72)).toEqual([]);
  });
});

/**
 * The text of a markdown source: no front matter, no note labels, no directive
 * fences, and not the essay's "Definitions" heading, dropped once its notes go
 * to the feet of their pages.
 */
const textOf = (markdown: string): string =>
  markdown
    .replace(/^---\n[\s\S]*?\n---\n/, '')
    .replace(/^## Definitions$/gm, '')
    .replace(/\[\^[^\]]+\]:?/g, '')
    .replace(/^:{3,}.*$/gm, '');

describe.each(['long-notes', 'many-notes', 'essay-x20', 'deep-list'] as const)('%s, built end to end', (name) => {
  it('is printed whole, in a multiple of 4 pages, inside the pages', () => {
    const pages = pagesOf(name);
    expect(pages.length).toBeGreaterThan(4);
    expect(pages.length % 4).toBe(0);
    expect(missingLetters(textOf(DOCUMENTS[name]), pages)).toEqual([]);
    for (const page of pages) expect(outside(page)).toEqual([]);
  });
});

/** The build's one layout of a document: laid out whole the first time, with no repair. */
function layoutOf(name: keyof typeof DOCUMENTS): LayoutReport {
  const reports = layouts.get(name) ?? [];
  expect(reports, name).toHaveLength(1);
  return reports[0] as LayoutReport;
}

/** What a reader would check in the build's layout: all the text once, every note by its call, whole; full pages. */
describe('documents that are long where the essay is not, as the build lays them out', () => {
  it('lays out 40 notes of up to 360 words in 10,000 words, continuing the longest on the next page', () => {
    const report = layoutOf('long-notes');
    expectWhole(report);
    expectFull(report);
    expect(report.notesContinued).toBeGreaterThan(0);
  });

  it('lays out the essay repeated 20 times, about 120 pages with 60 notes', () => {
    const report = layoutOf('essay-x20');
    expectWhole(report);
    expectFull(report);
    expect(report.pageCount).toBeGreaterThan(100);
  });

  it('lays out a list nested 40 deep, all of it on the pages', () => {
    const report = layoutOf('deep-list');
    expectWhole(report);
    expect(report.loneLines).toEqual([]);
  });

  it('breaks a 1,500-letter word, a 1,200-character link and a 370-character line of code instead of losing them', () => {
    const report = layoutOf('long-words');
    expectWhole(report);
    expect(report.lost).toEqual([]);
  });

  it('lays out 1,500 notes in 150 paragraphs', () => {
    const report = layoutOf('many-notes');
    expectWhole(report);
    expectFull(report);
    // A line at a page's foot whose note cannot begin there goes over, with a
    // line more where it would be alone overleaf; the note then begins with
    // one line, or the page's notes are set tighter, before a page is left
    // more than 2 lines short for it.
    expect(report.shortPages.filter((page) => page.reason !== 'end of the text')).toEqual([]);
  });
});
