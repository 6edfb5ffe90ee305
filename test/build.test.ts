import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../scripts/build.ts';
import { fontsOf, readPages, rulesOf, type PdfPage } from './helpers/pdf.ts';

const SOURCE = 'source/unifying-the-struggle.md';
/** Letters and digits only: compares text whatever the line breaks and hyphenation did. */
const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

let out: string;
let bytes: Uint8Array;
let pages: PdfPage[];

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'zine-build-'));
  await build({ files: [SOURCE], out, progress: false, gallery: false, formats: ['reading'] });
  bytes = await readFile(join(out, 'unifying-the-struggle', 'reading.pdf'));
  pages = await readPages(bytes);
});

/** Whether a footnote's line starts with `mark` followed by text that starts with `start`. */
function markerBefore(page: PdfPage, mark: string, start: string): boolean {
  return page.words.some((word) => {
    if (word.str.trim() !== mark) return false;
    const line = page.words.filter((other) => Math.abs(other.y - word.y) < 1 && other.x > word.x);
    const rest = line.sort((a, b) => a.x - b.x).map((other) => other.str).join('');
    return compact(rest).startsWith(compact(start));
  });
}

const pageWith = (phrase: string): number => pages.findIndex((page) => compact(page.text).includes(compact(phrase))) + 1;

describe('the reading edition of the essay', () => {
  it('ends its text with a page of at least 3 lines', () => {
    const last = pages[pageWith('Persevere in the struggle against imperialism') - 1];
    // Lines of the text's type, the running head and the folio (smaller) aside.
    const lines = new Set(last?.words.filter((word) => word.height >= 9).map((word) => Math.round(word.y)));
    expect(lines.size).toBeGreaterThanOrEqual(3);
  });

  it('has half-letter pages, a multiple of 4 of them', () => {
    expect(pages.length % 4).toBe(0);
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(396, 0);
      expect(page.height).toBeCloseTo(612, 0);
    }
  });

  it('puts every footnote on the page of its call, marked *, ** and ***', () => {
    const notes = [
      { call: 'As an internationalist', note: 'Internationalist: One who believes in the solidarity', mark: '*' },
      { call: 'bad, incorrect ideas', note: 'Incorrect ideas: Concepts and beliefs', mark: '**' },
      { call: 'engaging in concern trolling', note: 'Concern trolling: A disingenuous form', mark: '***' },
    ];
    for (const { call, note, mark } of notes) {
      const notePage = pageWith(note);
      expect(notePage, note).toBeGreaterThan(0);
      expect(pageWith(call), call).toBe(notePage);
      const page = pages[notePage - 1] as PdfPage;
      expect(markerBefore(page, mark, note.split(':')[0] as string), `${mark} before "${note}"`).toBe(true);
    }
  });

  it('starts with the cover and ends with card front, card back, colophon and back cover', () => {
    const n = pages.length;
    expect(compact(pages[0]?.text ?? '')).toContain(compact('Unifying the Struggle'));
    expect(pageWith('How to Send Mail to Chrystul Kizer')).toBe(n - 3);
    expect((n - 3) % 2).toBe(1); // a right-hand page
    expect(compact(pages[n - 3]?.text ?? '')).toContain(compact('your return address'));
    expect(compact(pages[n - 2]?.text ?? '')).toContain(compact('CC0 1.0 Universal'));
  });

  it('keeps essay text off both sides of the card leaf', async () => {
    const markdown = await readFile(SOURCE, 'utf8');
    const essay = markdown.slice(markdown.indexOf('\n---\n') + 5, markdown.indexOf(':::tear-off'));
    const paragraphs = essay
      .split(/\n\s*\n/)
      .map((block) => block.replace(/\[\^[^\]]+\]/g, '').split(/\s+/).slice(0, 6).join(' '))
      .filter((start) => compact(start).length > 12);
    expect(paragraphs.length).toBeGreaterThan(20);
    const n = pages.length;
    for (const side of [pages[n - 4], pages[n - 3]]) {
      for (const start of paragraphs) expect(compact(side?.text ?? '')).not.toContain(compact(start));
    }
  });

  it('sets the running header and the folio once per page', () => {
    const page = pages[2] as PdfPage; // page 3, a right-hand page
    expect(page.words.filter((word) => word.str === 'UNIFYING THE STRUGGLE')).toHaveLength(1);
    const bottom = page.words.filter((word) => word.y < 0.75 * 72);
    expect(bottom.map((word) => word.str)).toEqual(['3']);
    expect(bottom[0]?.x).toBeGreaterThan(396 / 2); // outside edge of a right-hand page
  });

  it('embeds every font, from the bundled families', async () => {
    const fonts = await fontsOf(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    expect(fonts.some((font) => font.name.includes('SourceSerif4'))).toBe(true);
    // No system font stood in for a missing glyph.
    expect(fonts.map((font) => font.name).filter((name) => !/Source(Serif4|Sans3|CodePro)/.test(name))).toEqual([]);
  });

  it('is tagged, has metadata and bookmarks', async () => {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toMatch(/^Unifying the Struggle/);
    expect(doc.getSubject()).toMatch(/^Y’all, stop pretending/);
    expect(doc.getCreationDate()?.toISOString()).toBe('2025-03-08T00:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString, PDFHexString).decodeText()).toBe('en');
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(doc.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);

    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const first = outlines.lookup(PDFName.of('First'), PDFDict);
    expect(first.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toMatch(/^Unifying the Struggle/);
    const card = first.lookup(PDFName.of('First'), PDFDict);
    expect(card.lookup(PDFName.of('Title'), PDFHexString).decodeText()).toBe('How to Send Mail to Chrystul Kizer');
    const dest = card.lookup(PDFName.of('Dest'), PDFArray);
    const cardPageRef = doc.getPages()[pages.length - 4]?.ref;
    expect(dest.get(0)).toBe(cardPageRef);
  });

  it('writes the paged HTML beside the PDF, and no temporary files', async () => {
    const html = await readFile(join(out, 'unifying-the-struggle', 'unifying-the-struggle.html'), 'utf8');
    expect(html).toContain('<span class="footnote');
    expect(html).not.toMatch(/<script/i);
    expect((await readdir(out)).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

/** Builds the reading edition of a markdown text written to a fresh folder, and returns its PDF. */
async function buildReading(markdown: string): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'zine-text-'));
  await writeFile(join(dir, 'text.md'), markdown);
  await build({ files: [join(dir, 'text.md')], out: dir, progress: false, gallery: false, formats: ['reading'] });
  return readFile(join(dir, 'text', 'reading.pdf'));
}

describe('text in other scripts', () => {
  it('is set in the bundled fonts only: Greek, Cyrillic and Vietnamese included', async () => {
    const pdf = await buildReading(
      '---\ntitle: Solidarity\n---\n\nΑλληλεγγύη στους εργάτες. Солидарность трудящихся. Đoàn kết công nhân. Solidarität.\n',
    );
    const text = (await readPages(pdf)).map((page) => page.text).join(' ');
    for (const phrase of ['Αλληλεγγύη', 'Солидарность', 'Đoàn kết', 'Solidarität']) expect(text).toContain(phrase);
    const fonts = await fontsOf(pdf);
    expect(fonts.map((font) => font.name).filter((name) => !/Source(Serif4|Sans3|CodePro)/.test(name))).toEqual([]);
  });
});

describe('numbered footnotes', () => {
  it('marks the notes 1 and 2 when the front matter asks for numbers', async () => {
    const pdf = await buildReading(
      '---\ntitle: Numbers\nfootnotes: numbers\n---\n\nFirst call.[^a] Second call.[^b]\n\n[^a]: Alpha note.\n\n[^b]: Beta note.\n',
    );
    const page = (await readPages(pdf))[1] as PdfPage;
    for (const [mark, note] of [['1', 'Alpha note'], ['2', 'Beta note']] as const) {
      expect(markerBefore(page, mark, note), `${mark} before ${note}`).toBe(true);
    }
    expect(page.words.some((word) => word.str.includes('*'))).toBe(false);
  });
});

describe('footnotes too long for their page', () => {
  it('begin on the page of their call and continue at the foot of the next', async () => {
    const words = (count: number, seed: number) =>
      Array.from({ length: count }, (_, i) => ['rent', 'strike', 'union', 'care', 'wages'][(i * 7 + seed) % 5]).join(' ');
    const paragraphs = Array.from({ length: 30 }, (_, i) => `${words(90, i)}.[^n${i}]`).join('\n\n');
    const notes = Array.from({ length: 30 }, (_, i) => `[^n${i}]: ${words(20 + (i % 5) * 25, i)}.`).join('\n\n');
    const bytes = await buildReading(`---\ntitle: Long notes\n---\n\n${paragraphs}\n\n${notes}\n`);
    const pdf = await readPages(bytes);
    // Built, so every note begins by its call and no letter was lost (the checks before printing).
    expect(pdf.length).toBeGreaterThan(8);
    // A continued note says so, below a short rule; other notes have the full-width one.
    const rules = await rulesOf(bytes);
    const continued = pdf.flatMap((page, index) => (page.text.includes('(continued)') ? [index] : []));
    expect(continued.length).toBeGreaterThan(0);
    const short = continued.map((index) => Math.max(...(rules[index] ?? [])));
    const full = rules.filter((_, index) => !continued.includes(index) && /\*|\d/.test(pdf[index]?.text ?? '')).flat();
    expect(Math.max(...full)).toBeGreaterThan(250);
    for (const width of short) expect(width).toBeCloseTo(72, 0);
  });

  it('are never cut inside a word at a page turn: the word goes over whole', async () => {
    // Words that hyphenate in the notes, words that do not in the text: a piece of a word is a note's.
    const long = ['internationalism', 'solidarity', 'organization', 'exploitation', 'unemployment', 'representation'];
    const short = ['rent', 'strike', 'care', 'pay', 'we', 'win'];
    const words = (list: string[], count: number, seed: number) => Array.from({ length: count }, (_, i) => list[(i * 7 + seed) % list.length]).join(' ');
    const paragraphs = Array.from({ length: 24 }, (_, i) => `${words(short, 110, i)}.[^n${i}]`).join('\n\n');
    const notes = Array.from({ length: 24 }, (_, i) => `[^n${i}]: ${words(long, 30 + (i % 4) * 20, i)}.`).join('\n\n');
    const pdf = await readPages(await buildReading(`---\ntitle: Long words\n---\n\n${paragraphs}\n\n${notes}\n`));
    const known = new Set([...long, ...short, 'long', 'words', 'notes', 'continued', 'set', 'with', 'zinepress']);
    // Each page's words, a word broken at a line's end joined again (readPages); note calls and folios are
    // numbers, and a word cut at the foot would run into the folio below it ("orga-7").
    const tokens = pdf.flatMap((page) => page.text.replace(/\u200c/g, '').split(' ')).map((token) => token.replace(/[.*()…]/g, '').toLowerCase());
    const cut = tokens.filter((token) => /[a-z]-\d*$/.test(token));
    const pieces = tokens.map((token) => token.replace(/\d/g, '')).filter((token) => /[a-z]/.test(token) && !token.endsWith('-') && !known.has(token.replace(/-/g, '')));
    // Notes are carried over (the case at hand), and none ends its page with a hyphen or leaves a piece of a word
    // (paginate/in-page/whole-last-word.ts: a note is cut before the word it would break).
    expect(pdf.some((page) => page.text.includes('(continued)'))).toBe(true);
    expect(cut).toEqual([]);
    expect(pieces).toEqual([]);
  });
});
