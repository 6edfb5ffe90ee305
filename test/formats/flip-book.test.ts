/**
 * Flip-books built as a user would, from the Universal Declaration's
 * preamble and first articles: English with French (flip-with: in the English
 * source's front matter, both read left to right, so the French is upside
 * down from the back cover) and English with Arabic (--flip-book, the Arabic
 * upright from the back cover, bound on its right). Read back: the sheets,
 * which reading page is on which half of which side and which way up, and
 * the gallery entry with both covers.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildRow } from '../../scripts/build.ts';
import { DocumentsFailed } from '../../scripts/util/errors.ts';
import { turnOf } from '../helpers/boxes.ts';
import { readPages, type PdfPage } from '../helpers/pdf.ts';

const FIXTURES = 'test/fixtures/formats/flip-book';
const builds: Record<'fr' | 'ar', { out: string; rows: BuildRow[] }> = { fr: { out: '', rows: [] }, ar: { out: '', rows: [] } };

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-flip-book-'));
  builds.fr = { out: join(dir, 'fr'), rows: [] };
  builds.fr.rows = await build({ files: [`${FIXTURES}/udhr-en.md`], out: builds.fr.out, progress: false, formats: ['reading'] });
  builds.ar = { out: join(dir, 'ar'), rows: [] };
  builds.ar.rows = await build({ files: [`${FIXTURES}/udhr-en.md`, `${FIXTURES}/udhr-ar.md`], flipBook: true, out: builds.ar.out, progress: false, formats: ['reading'] });
}, 400_000);

const read = async (out: string, name: string, file: string) => readPages(await readFile(join(out, name, file)));

/** The lines of text on one half of a side (0 the left), with the turn they are drawn at. */
function half(side: PdfPage | undefined, index: 0 | 1): { text: string[]; turns: number[] } {
  const words = (side?.words ?? []).filter((word) => word.str.trim() !== '' && Math.floor(word.x / (side!.width / 2)) === index);
  return { text: words.map((word) => word.str).sort(), turns: [...new Set(words.map((word) => turnOf(word)))] };
}
const textOf = (page: PdfPage | undefined) => (page?.words ?? []).map((word) => word.str).filter((str) => str.trim() !== '').sort();

describe('a flip-book of two left-to-right texts (flip-with:)', () => {
  it('builds the French text it names, and the flip-book into the English folder: its row in the table', () => {
    const row = builds.fr.rows.find((each) => each.file.endsWith('flip-book.pdf'));
    expect(builds.fr.rows.map((each) => `${each.document} ${each.format}`)).toContain('udhr-fr reading');
    expect(row?.document).toBe('udhr-en');
    expect(row?.note).toMatch(/udhr-en from the front cover, udhr-fr from the back \(upside down\)/);
  });

  it('prints each reading page once on whole sheets, the French upside down in reverse order from the back cover', async () => {
    const { out } = builds.fr;
    const [flip, en, fr] = await Promise.all([read(out, 'udhr-en', 'flip-book.pdf'), read(out, 'udhr-en', 'reading.pdf'), read(out, 'udhr-fr', 'reading.pdf')]);
    const positions = flip.length * 2;
    expect(positions % 4).toBe(0);
    expect(positions).toBe(Math.ceil((Math.ceil(en.length / 2) * 2 + Math.ceil(fr.length / 2) * 2) / 4) * 4);
    for (const side of flip) expect([side.width, side.height]).toEqual([792, 612]);
    // Sheet 1, front: the French cover on the left half, turned 180°; the English cover on the right, upright.
    expect(half(flip[0], 1)).toEqual({ text: textOf(en[0]), turns: [0] });
    expect(half(flip[0], 0)).toEqual({ text: textOf(fr[0]), turns: [180] });
    // Sheet 1, back: the English page 2 on the left; the French page 2 (the inside of the back cover) on the right, turned.
    expect(half(flip[1], 0)).toEqual({ text: textOf(en[1]), turns: [0] });
    expect(half(flip[1], 1)).toEqual({ text: textOf(fr[1]), turns: [180] });
  });

  it('shows both covers in the English entry of the gallery, the French as its reader sees it', async () => {
    const { out } = builds.fr;
    const manifest = JSON.parse(await readFile(join(out, 'udhr-en', 'thumbnails', 'gallery.json'), 'utf8')) as { flipBook: { covers: string[]; thumbnails: string[]; pages: number } };
    const flip = await read(out, 'udhr-en', 'flip-book.pdf');
    expect(manifest.flipBook.thumbnails).toHaveLength(flip.length);
    const [front, back] = manifest.flipBook.covers as [string, string];
    expect(await readFile(join(out, 'udhr-en', back))).toEqual(await readFile(join(out, 'udhr-fr', 'thumbnails', 'reading-1.png')));
    expect(await readFile(join(out, 'udhr-en', front))).toEqual(await readFile(join(out, 'udhr-en', 'thumbnails', 'reading-1.png')));
    const html = await readFile(join(out, 'index.html'), 'utf8');
    expect(html).toContain(`<img src="udhr-en/${back}" alt="The cover of “Déclaration universelle des droits de l’homme : préambule et articles 1 à 3”" lang="fr" dir="ltr">`);
    expect(html).toContain(`<img src="udhr-en/${front}" alt="The cover of “Universal Declaration of Human Rights: the Preamble and Articles 1–3”"`);
    expect(html).toContain('<img class="diagram" src="udhr-en/thumbnails/flip-book.png"');
    expect(await readFile(join(out, 'udhr-en', 'thumbnails', 'flip-book.png'))).toEqual(await readFile('docs/printing/flip-book.png'));
    expect(html).toMatch(/Flip-book with udhr-fr: <a href="udhr-en\/flip-book.pdf">flip-book.pdf<\/a>, \d+ pages on \d+ sheets/);
  });
});

describe('a flip-book of a left-to-right and a right-to-left text (--flip-book)', () => {
  it('prints the Arabic upright from the back cover, its page 2 at the right of the first sheet\'s back', async () => {
    const { out, rows } = builds.ar;
    expect(rows.find((each) => each.file.endsWith('flip-book.pdf'))?.note).toMatch(/udhr-ar from the back \(upright, bound on the right\)/);
    const [flip, en, ar] = await Promise.all([read(out, 'udhr-en', 'flip-book.pdf'), read(out, 'udhr-en', 'reading.pdf'), read(out, 'udhr-ar', 'reading.pdf')]);
    expect(half(flip[0], 1)).toEqual({ text: textOf(en[0]), turns: [0] });
    expect(half(flip[0], 0)).toEqual({ text: textOf(ar[0]), turns: [0] });
    expect(half(flip[1], 1)).toEqual({ text: textOf(ar[1]), turns: [0] });
    // The Arabic's last page lies just after the middle blanks: every one of its pages is printed, upright.
    const arabic = flip.flatMap((side) => side.words).filter((word) => /\p{Script=Arabic}/u.test(word.str));
    expect(new Set(arabic.map((word) => turnOf(word)))).toEqual(new Set([0]));
    expect(ar.flatMap(textOf).filter((str) => /\p{Script=Arabic}/u.test(str)).sort()).toEqual(arabic.map((word) => word.str).sort());
  });

  it('says where flip-with names a text that cannot be built, and keeps the text that was', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zine-flip-with-'));
    await writeFile(join(dir, 'a.md'), '---\ntitle: A\nflip-with: missing.md\n---\n\nA short text.\n');
    const error = (await build({ files: [join(dir, 'a.md')], out: join(dir, 'out'), progress: false, formats: ['reading'] }).catch((e: unknown) => e)) as DocumentsFailed;
    expect(error).toBeInstanceOf(DocumentsFailed);
    expect(error.rows.map((row) => (row as BuildRow).file)).toEqual([join(dir, 'out', 'a', 'reading.pdf')]);
    expect(String((error.failures[0]?.error as Error).message)).toMatch(/a\.md:3:1: flip-with: .*missing\.md cannot be built: cannot read/);
  });

  it('refuses --flip-book without exactly two sources, naming the option', async () => {
    await expect(build({ files: [`${FIXTURES}/udhr-en.md`], flipBook: true, out: builds.ar.out, progress: false })).rejects.toThrow(/^--flip-book takes two sources, .* \(given 1\)$/);
  });
});
