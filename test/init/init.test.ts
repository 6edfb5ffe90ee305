import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FRONT_MATTER_KEYS } from '../../scripts/config/frontmatter.ts';
import { readPages } from '../helpers/pdf.ts';
import { zine } from '../helpers/zine.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-init-'));
});

describe('zine init', () => {
  it('writes a source that shows every front matter key with a comment', async () => {
    const result = await zine(['init', 'keys.md'], dir);
    expect(result.code).toBe(0);
    const text = await readFile(join(dir, 'keys.md'), 'utf8');
    const yaml = text.split('---\n')[1] ?? '';
    for (const key of FRONT_MATTER_KEYS) {
      const lines = yaml.split('\n');
      const at = lines.findIndex((line) => new RegExp(`^(# )?${key}:`).test(line));
      expect(at, key).toBeGreaterThan(0);
      // The line above a key is a comment about it.
      expect(lines[at - 1], key).toMatch(/^#/);
    }
    expect(text).toContain('title: "Keys"');
  });

  it('never writes over an existing file', async () => {
    await writeFile(join(dir, 'mine.md'), 'my own words\n');
    const result = await zine(['init', 'mine.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mine\.md already exists/);
    expect(await readFile(join(dir, 'mine.md'), 'utf8')).toBe('my own words\n');
  });

  it('writes a starter that builds from a name with a character no font draws', async () => {
    const result = await zine(['init', 'emoji 🔥.md'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain("wrote emoji 🔥.md");
    expect(result.stdout).toMatch(/^next:\n {2}zine preview 'emoji 🔥\.md' .*\n {2}zine build 'emoji 🔥\.md' /m);
    expect(await readFile(join(dir, 'emoji 🔥.md'), 'utf8')).toContain('\ntitle: "Emoji"\n');
    const built = await zine(['build', 'emoji 🔥.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(built.code, built.stderr).toBe(0);
    expect((await readPages(await readFile(join(dir, 'out', 'emoji 🔥', 'reading.pdf'))))[0]?.text).toContain('Emoji');
  }, 60_000);

  it('needs a file name', async () => {
    expect((await zine(['init'], dir)).code).toBe(2);
  });

  it('writes a stylesheet of its own beside the source, in a folder it makes, and never over one that is there', async () => {
    const own = await mkdtemp(join(tmpdir(), 'zine-init-style-'));
    const first = await zine(['init', 'source/one.md'], own);
    expect(first.stdout).toMatch(/^wrote source\/one\.md and source\/style\.css$/m);
    expect(await readFile(join(own, 'source', 'one.md'), 'utf8')).toMatch(/^style: style\.css$/m);
    expect(await readFile(join(own, 'source', 'style.css'), 'utf8')).toMatch(/\.essay h2 \{/);
    await writeFile(join(own, 'source', 'style.css'), '/* mine */\n');
    const second = await zine(['init', 'source/two.md'], own);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/source\/style\.css is already there: kept as it is/);
    expect(await readFile(join(own, 'source', 'style.css'), 'utf8')).toBe('/* mine */\n');
  });

  it('builds as it is, into every format, with its note, slogans and card', async () => {
    expect((await zine(['init', 'starter.md'], dir)).code).toBe(0);
    const result = await zine(['build', 'starter.md', '--out', 'out'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const format of ['reading', 'booklet', 'mini', 'slips']) expect(result.stdout).toContain(`${format}.pdf`);

    const pages = await readPages(await readFile(join(dir, 'out', 'starter', 'reading.pdf')));
    const text = (n: number) => pages[n]?.text ?? '';
    const all = pages.map((page) => page.text).join('\n');
    expect(text(0)).toContain('Starter');
    expect(all).toContain('Pass it on!');
    // The note sits on the page that calls it.
    const notePage = pages.findIndex((page) => page.text.includes('the crease that turns'));
    expect(notePage).toBeGreaterThan(0);
    expect(text(notePage)).toContain('Notes go at the foot');
    // The card's address.
    expect(all).toContain('12 Example Street');
  });
});
