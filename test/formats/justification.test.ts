/**
 * Justification by script (markdown/justification.ts): a script whose
 * justified lines open holes is set ragged. Measured as a reader would, from
 * the printed words' positions: the Declaration's preamble in Tamil, and in
 * Sharanahua (mcd, no hyphenation patterns), justified, opened word spaces
 * wider than the 10 pt type; set ragged, none is wider than half of it. A
 * hyphenated English text stays justified, its lines ending at one edge; and
 * a text justified by the user's stylesheet is read back with a warning at
 * each hole, naming its paragraph and page. The pocket essay's mini zine,
 * ragged in every language, is checked for holes in the build of
 * test/formats/formats.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { udhrMarkdown } from '../../scripts/corpus/udhr.ts';
import { zine } from '../helpers/zine.ts';

const run = promisify(execFile);

/** The gaps between the words of every line of body type (a line box 10–17 pt high: Tamil's glyphs reach higher and lower than Latin), in points. */
async function wordGaps(pdf: string): Promise<number[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 1 << 26 });
  const gaps: number[] = [];
  for (const line of stdout.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
    const height = Number(line[2]) - Number(line[1]);
    if (height < 10 || height > 17) continue;
    const words = [...(line[3] ?? '').matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((word) => [Number(word[1]), Number(word[2])] as const);
    words.sort((a, b) => a[0] - b[0]);
    for (let index = 1; index < words.length; index += 1) gaps.push((words[index]?.[0] ?? 0) - (words[index - 1]?.[1] ?? 0));
  }
  return gaps;
}

/** How many lines end within half a point of their page's rightmost line end, and how many pages there are. */
async function linesAtEdge(pdf: string): Promise<{ lines: number; pages: number }> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 1 << 26 });
  const pages = stdout.split('<page ').slice(1);
  const lines = pages.map((page) => {
    const ends = [...page.matchAll(/<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"/g)].map((line) => Number(line[1]));
    return ends.filter((end) => Math.max(...ends) - end < 0.5).length;
  });
  return { lines: lines.reduce((sum, count) => sum + count, 0), pages: pages.length };
}

/** The Declaration's preamble (its first seven paragraphs, about two pages) in a language of the udhr package. */
async function preamble(code: string, bcp47: string): Promise<string> {
  const html = await readFile(fileURLToPath(new URL(`declaration/${code}.html`, import.meta.resolve('udhr'))), 'utf8');
  return (udhrMarkdown(html, { code, bcp47, name: code }) ?? '').split('\n\n').slice(0, 9).join('\n\n');
}

it('sets a language with no hyphenation patterns ragged, keeps hyphenated English justified, and warns of holes a stylesheet justifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-justify-'));
  const mcd = await preamble('mcd', 'mcd');
  await writeFile(join(dir, 'mcd.md'), `${mcd}\n`);
  await writeFile(join(dir, 'justified.md'), `${mcd.replace(/^---\n/, '---\nstyle: justify.css\n')}\n`);
  await writeFile(join(dir, 'justify.css'), '.essay { text-align: justify; }\n');
  await writeFile(join(dir, 'en.md'), `${await preamble('eng', 'en')}\n`);
  const built = await zine(['build', 'mcd.md', 'justified.md', 'en.md', '--formats', 'reading', '--out', 'out'], dir);
  expect(built.code).toBe(0);

  const ragged = await wordGaps(join(dir, 'out', 'mcd', 'reading.pdf'));
  expect(ragged.length).toBeGreaterThan(100);
  expect(Math.max(...ragged)).toBeLessThan(5);
  expect(built.stderr).not.toMatch(/mcd\.md:\d+:\d+: read back/);

  // Justified, most of a page's lines end at its right edge (but a paragraph's last); ragged, one or two a page would.
  const edge = await linesAtEdge(join(dir, 'out', 'en', 'reading.pdf'));
  expect(edge.lines).toBeGreaterThan(4 * edge.pages);
  expect(built.stderr).not.toMatch(/en\.md:\d+:\d+: read back/);

  const holes = built.stderr.split('\n').filter((line) => /justified\.md:\d+:1: read back from the reading layout, page \d+: a justified line opens a word space of 1\d\.\d pt, 1\.\d\d em, wider than the type/.test(line));
  expect(holes.length).toBeGreaterThan(2);
}, 180_000);

it('sets Tamil ragged, with no word space wider than half the type', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-justify-'));
  const html = await readFile(fileURLToPath(new URL('declaration/tam.html', import.meta.resolve('udhr'))), 'utf8');
  const whole = udhrMarkdown(html, { code: 'tam', bcp47: 'ta', name: 'Tamil' }) ?? '';
  // The preamble: its first seven paragraphs, about two pages.
  const preamble = whole.split('\n\n').slice(0, 9).join('\n\n');
  await writeFile(join(dir, 'ta.md'), `${preamble}\n`);
  const built = await zine(['build', 'ta.md', '--formats', 'reading', '--out', 'out'], dir);
  expect(built.stderr).not.toMatch(/read back/);
  expect(built.code).toBe(0);
  const gaps = await wordGaps(join(dir, 'out', 'ta', 'reading.pdf'));
  expect(gaps.length).toBeGreaterThan(100);
  expect(Math.max(...gaps)).toBeLessThan(5);
}, 120_000);
