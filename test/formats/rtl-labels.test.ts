/**
 * A label with a Latin word in a right-to-left document reads in its order:
 * the Urdu colophon's "Zinepress سے کمپوز کیا گیا" begins, on the right, with
 * the name.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { readPrinted } from '../../scripts/formats/read-back/printed-text.ts';

it('sets the Urdu colophon label right to left with the Latin name first, on the right', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-rtl-labels-'));
  await writeFile(join(dir, 'ur.md'), '---\ntitle: "انسانی حقوق کا عالمی منشور"\nlang: ur\n---\n\nتمام انسان آزاد اور حقوق و عزت کے اعتبار سے برابر پیدا ہوئے ہیں۔\n');
  // Built in the test's process, without the gallery: its PDFs are what is read here (a `zine` run added its
  // process, its own markdown worker and the thumbnails).
  await build({ files: [join(dir, 'ur.md')], out: join(dir, 'out'), formats: ['reading'], progress: false, gallery: false, reporter: { warn: () => undefined } });
  const pages = await readPrinted(await readFile(join(dir, 'out', 'ur', 'reading.pdf')));
  const page = pages.find((candidate) => candidate.lines.some((line) => line.text.includes('Zinepress')));
  const line = page?.lines.find((candidate) => candidate.text.includes('Zinepress'));
  if (page === undefined || line === undefined) throw new Error('no colophon line names Zinepress');
  // Each word's box on that page, from poppler: the name must be the rightmost word of its line.
  const words = await wordsOfLine(join(dir, 'out', 'ur', 'reading.pdf'), page.number, line.yMin);
  const name = words.find((word) => word.text.includes('Zinepress'));
  const others = words.filter((word) => word !== name);
  expect(others.length).toBeGreaterThan(1);
  for (const other of others) expect(name?.xMin, other.text).toBeGreaterThan(other.xMax);
}, 120_000);

async function wordsOfLine(pdf: string, page: number, yMin: number): Promise<{ text: string; xMin: number; xMax: number }[]> {
  const { execFile } = await import('node:child_process');
  const xhtml = await new Promise<string>((resolve, reject) =>
    execFile('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 1 << 26 }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
  const onPage = xhtml.split('<page ')[page] ?? '';
  return [...onPage.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .filter((match) => Math.abs(Number(match[2]) - yMin) < 3)
    .map((match) => ({ text: match[4] ?? '', xMin: Number(match[1]), xMax: Number(match[3]) }));
}
