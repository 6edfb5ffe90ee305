/**
 * Justification by script: a script whose justified lines open holes is set
 * ragged. Measured as a reader would, from the printed words' positions: the
 * Declaration's preamble in Tamil, justified, opened word spaces wider than
 * the 10 pt type; set ragged, none is wider than half of it.
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
