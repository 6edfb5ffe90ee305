/**
 * Lines broken as readers of each script expect, read back from the PDF:
 * Chinese and Japanese break between characters but never before closing
 * punctuation or a small kana (strict kinsoku); Thai, written without spaces
 * between words, breaks between words and never inside one. The texts are
 * sentences of the Declaration's first article, repeated so that many lines
 * end near a mark that may not start one.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readPages, type PdfPage, type Word } from '../helpers/pdf.ts';

const TEXTS: Record<string, string> = {
  zh: '人人生而自由，在尊严和权利上一律平等。他们赋有理性和良心，并应以兄弟关系的精神相对待。',
  ja: 'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。',
  th: 'มนุษย์ทั้งหลายเกิดมามีอิสระและเสมอภาคกันในเกียรติศักดิ์และสิทธิ ต่างมีเหตุผลและมโนธรรม และควรปฏิบัติต่อกันด้วยเจตนารมณ์แห่งภราดรภาพ',
};

/** What may not start a line in Chinese and Japanese (strict kinsoku): closing punctuation, small kana, the prolonged sound mark. */
const NO_LINE_START = /^[、。，．：；？！）」』】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々]/u;

/** A page's lines set at the body size (10 pt, upright), top first, each read left to right. */
function bodyLines(page: PdfPage): string[] {
  const rows = new Map<number, Word[]>();
  for (const word of page.words) {
    if (Math.abs((word.transform[0] ?? 0) - 10) > 0.01 || Math.abs(word.transform[1] ?? 0) > 0.01) continue;
    const y = Math.round(word.y);
    rows.set(y, [...(rows.get(y) ?? []), word]);
  }
  return [...rows.entries()].sort(([a], [b]) => b - a).map(([, words]) => words.sort((a, b) => a.x - b.x).map((word) => word.str).join(''));
}

const lines = new Map<string, string[]>();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-breaking-'));
  const files = await Promise.all(
    Object.entries(TEXTS).map(async ([lang, sentence]) => {
      const paragraphs = Array.from({ length: 6 }, (_, index) => sentence.repeat(index + 2)).join('\n\n');
      const file = join(dir, `${lang}.md`);
      await writeFile(file, `---\ntitle: "${sentence.slice(0, 6)}"\nlang: ${lang}\n---\n\n${paragraphs}\n`);
      return file;
    }),
  );
  await build({ files, out: join(dir, 'out'), progress: false, gallery: false, formats: ['reading'] });
  for (const lang of Object.keys(TEXTS)) {
    const pages = await readPages(await readFile(join(dir, 'out', lang, 'reading.pdf')));
    lines.set(lang, pages.flatMap(bodyLines));
  }
}, 300_000);

describe('lines broken as their readers expect', () => {
  it.each(['zh', 'ja'])('%s: no line starts with closing punctuation or a small kana', (lang) => {
    const found = lines.get(lang) ?? [];
    expect(found.length).toBeGreaterThan(30);
    expect(found.filter((line) => NO_LINE_START.test(line))).toEqual([]);
  });

  it('th: lines break between words, not only at spaces, and never inside one', () => {
    const found = lines.get('th') ?? [];
    const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
    const joins = found.slice(1).flatMap((line, index) => {
      const before = found[index] ?? '';
      return /\p{Script=Thai}$/u.test(before) && /^\p{Script=Thai}/u.test(line) ? [[before, line] as const] : [];
    });
    // Thai puts no space between words: most lines end between two Thai letters.
    expect(joins.length).toBeGreaterThan(20);
    for (const [before, after] of joins) {
      const boundaries = new Set([...segmenter.segment(before + after)].map((part) => part.index));
      expect(boundaries.has(before.length), `${before.slice(-8)}|${after.slice(0, 8)}`).toBe(true);
    }
  });
});
