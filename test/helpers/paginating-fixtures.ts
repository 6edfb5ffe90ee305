import { cp, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const ESSAY = join(import.meta.dirname, '..', '..', 'source', 'unifying-the-struggle.md');

/**
 * Every markdown fixture that the build lays out into pages (the build's,
 * the fonts', the markdown stage's and the layout's own), copied into
 * `dir` each in a folder of its own with the files beside it (images), under
 * a name no other one has (`fonts-ru`, `paginate-lone-lines-ru`). Returns the
 * copied markdown files.
 */
export async function copyPaginatingFixtures(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const group of ['build', 'fonts', 'markdown', 'paginate']) {
    for (const entry of await readdir(join(FIXTURES, group), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.md') || entry.name === 'README.md') continue;
      found.push(join(entry.parentPath, entry.name));
    }
  }
  const copied: string[] = [];
  for (const path of found.sort()) {
    const folder = basename(dirname(path));
    const file = basename(path, '.md');
    const group = basename(dirname(dirname(path)));
    const name = `${group}-${folder}${file === folder || file === 'input' ? '' : `-${file}`}`;
    await cp(dirname(path), join(dir, name), { recursive: true });
    await cp(path, join(dir, name, `${name}.md`));
    copied.push(join(dir, name, `${name}.md`));
  }
  return copied;
}
