import { readFile, readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PROJECT_ROOT } from '../util/project-root.ts';
import type { CorpusText } from './languages.ts';

/** The long texts kept as fixtures, as corpus texts. */
export async function longTexts(): Promise<CorpusText[]> {
  const folder = join(PROJECT_ROOT, 'test', 'fixtures', 'corpus');
  const texts: CorpusText[] = [];
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.md') && name !== 'README.md').sort()) {
    const markdown = await readFile(join(folder, file), 'utf8');
    const lang = /^lang: (\S+)/m.exec(markdown)?.[1] ?? 'en';
    texts.push({ name: basename(file, '.md'), lang, script: 'Latin', markdown });
  }
  return texts;
}
