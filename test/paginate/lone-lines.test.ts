import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';
import { pageTurns } from '../helpers/page-turns.ts';
import { readPages, type PdfPage } from '../helpers/pdf.ts';
import { sharedReadings } from '../helpers/shared-builds.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'paginate', 'lone-lines');

/** Text as compared across line ends: no spaces, hyphens or soft hyphens, composed. */
const compact = (text: string): string => text.normalize('NFC').replace(/[\s\u00ad\u200b-]/g, '');

/** The paragraphs of a fixture, compacted: headings, front matter and list marks aside. */
async function paragraphs(name: string): Promise<string[]> {
  const markdown = (await readFile(join(FIXTURES, `${name}.md`), 'utf8')).replace(/^---\n[\s\S]*?\n---\n/, '');
  return markdown
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== '' && !block.startsWith('#'))
    .flatMap((block) => block.split(/\n(?=- )/))
    .map((block) => compact(block.replace(/^- /, '')));
}

/**
 * Every page turn inside a paragraph where one line of it stands alone: the
 * page's last line is the paragraph's first, or the next page's first line
 * is its last.
 */
function loneLines(pages: PdfPage[], texts: string[]): string[] {
  return pageTurns(pages).flatMap((turn) => {
    const last = compact(turn.last);
    const first = compact(turn.first);
    const paragraph = texts.find((text) => text.includes(last + first));
    if (!paragraph) return [];
    if (paragraph.startsWith(last)) return [`page ${turn.page} ends with the first line of a paragraph alone: ${turn.last}`];
    if (paragraph.endsWith(first)) return [`page ${turn.page + 1} begins with the last line of a paragraph alone: ${turn.first}`];
    return [];
  });
}

const CASES = [
  { name: 'ru', paper: 'letter' },
  { name: 'th', paper: 'letter' },
  { name: 'ko', paper: 'a4' },
] as const;
const printed = new Map<string, PdfPage[]>();

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-lone-'));
  const pdfs = new Map<string, string>();
  // On letter paper, the front matter's (none) default: the reading editions other test files build too.
  const letter = CASES.filter((entry) => entry.paper === 'letter').map((entry) => join(FIXTURES, `${entry.name}.md`));
  for (const { file, pdf } of await sharedReadings({ sources: letter })) pdfs.set(basename(file, '.md'), pdf);
  const a4 = CASES.filter((entry) => entry.paper === 'a4').map((entry) => entry.name);
  await build({ files: a4.map((name) => join(FIXTURES, `${name}.md`)), out: dir, paper: 'a4', progress: false, gallery: false, formats: ['reading'], concurrency: 2 });
  for (const name of a4) pdfs.set(name, join(dir, name, 'reading.pdf'));
  for (const { name } of CASES) printed.set(name, await readPages(await readFile(pdfs.get(name) ?? '')));
}, 300_000);

describe('lone lines at page turns', () => {
  it.each(CASES)('$name: no paragraph leaves a line alone at a page foot or sends one alone overleaf', async ({ name }) => {
    const pages = printed.get(name) ?? [];
    const texts = await paragraphs(name);
    // The page turns are read back as the text has them.
    const turns = pageTurns(pages);
    const read = turns.filter((turn) => texts.some((text) => text.includes(compact(turn.last))) && texts.some((text) => text.includes(compact(turn.first))));
    expect(turns.length).toBeGreaterThanOrEqual(5);
    expect(read.length).toBeGreaterThanOrEqual(turns.length - 1);
    expect(loneLines(pages, texts)).toEqual([]);
  });
});
