/**
 * The build as a careless or hostile user meets it: it never writes over what
 * it did not make, leaves nothing running and no staging folder behind, and
 * after every failure the earlier outputs are byte for byte as they were.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTargets, pdfText } from './helpers/pdf-bytes.ts';
import { readPages } from './helpers/pdf.ts';
import { childrenOf, groupOf, until } from './helpers/processes.ts';
import { GOOD, snapshot, startZine, zine } from './helpers/zine.ts';

let dir: string;
let before: Map<string, string>;

/** The outputs in `out/zine/` are exactly those of the first good build. */
async function expectUntouched(): Promise<void> {
  expect(await snapshot(join(dir, 'out', 'zine'))).toEqual(before);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-faults-'));
  await writeFile(join(dir, 'zine.md'), GOOD);
  const first = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading'], dir);
  expect(first.code, first.stderr).toBe(0);
  before = await snapshot(join(dir, 'out', 'zine'));
  expect([...before.keys()]).toContain('reading.pdf');
});

describe('zine build never writes over what it did not make', () => {
  it('refuses two documents that would land in the same folder, naming both', async () => {
    await mkdir(join(dir, 'a'));
    await mkdir(join(dir, 'b'));
    await writeFile(join(dir, 'a', 'zine.md'), GOOD);
    await writeFile(join(dir, 'b', 'zine.md'), GOOD.replace('A short zine', 'Another'));
    const result = await zine(['build', 'a/zine.md', 'b/zine.md', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('zine: a/zine.md and b/zine.md would both be written to out/zine; rename one of them or build them apart');
    await expectUntouched();
  });

  it('leaves a folder it did not make alone', async () => {
    await mkdir(join(dir, 'mine', 'essay', 'images'), { recursive: true });
    await writeFile(join(dir, 'mine', 'essay', 'images', 'keep.txt'), 'the author’s');
    await writeFile(join(dir, 'essay.md'), GOOD);
    const result = await zine(['build', 'essay.md', '--out', 'mine', '--formats', 'reading'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^zine: mine\/essay already exists and was not made by zine build/m);
    expect([...(await snapshot(join(dir, 'mine'))).keys()]).toEqual([join('essay', 'images', 'keep.txt')]);
  });

  it('refuses an --out that would write over the source itself', async () => {
    await mkdir(join(dir, 'essay'), { recursive: true });
    await writeFile(join(dir, 'essay', 'essay.md'), GOOD);
    const result = await zine(['build', 'essay/essay.md', '--out', '.', '--formats', 'reading'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^zine: --out would write essay over essay\/essay\.md, which the build reads/m);
    expect(await readdir(join(dir, 'essay'))).toEqual(['essay.md']);
  });

  it('builds again into the folder it made', async () => {
    const again = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(again.code, again.stderr).toBe(0);
    await expectUntouched();
  });
});

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(90);
  return PNG.sync.write(image);
}

describe('zine build checks every image before layout', () => {
  it('refuses damaged, huge, scripted and fake images at their place, and writes nothing', async () => {
    await mkdir(join(dir, 'bad'), { recursive: true });
    const good = png(40, 30);
    const huge = Buffer.from(good);
    huge.writeUInt32BE(40000, 16);
    huge.writeUInt32BE(40000, 20);
    await writeFile(join(dir, 'bad', 'cut.png'), good.subarray(0, good.length - 20));
    await writeFile(join(dir, 'bad', 'huge.png'), huge);
    await writeFile(join(dir, 'bad', 'script.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    await writeFile(join(dir, 'bad', 'notes.png'), 'a text file\n');
    const images = '![a](cut.png)\n\n![b](huge.png)\n\n![c](script.svg)\n\n![d](notes.png)\n';
    await writeFile(join(dir, 'bad', 'zine.md'), GOOD.replace('Some text with a note.', `Some text with a note.\n\n${images}`));
    const result = await zine(['build', 'bad/zine.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines.map((line) => line.replace(/: image .*? (is|not) .*$/, ''))).toEqual(
      ['bad/zine.md:8:1', 'bad/zine.md:10:1', 'bad/zine.md:12:1', 'bad/zine.md:14:1'],
    );
    expect(lines[1]).toContain('40000×40000 pixels');
    await expectUntouched();
  });

  it('copies only the images the document uses', async () => {
    await mkdir(join(dir, 'pictures', 'img'), { recursive: true });
    await writeFile(join(dir, 'pictures', 'img', 'used.png'), png(40, 30));
    await writeFile(join(dir, 'pictures', 'img', 'unused.png'), png(40, 30));
    await writeFile(join(dir, 'pictures', 'img', 'diary.txt'), 'private');
    await writeFile(join(dir, 'pictures', 'pictures.md'), GOOD.replace('Some text with a note.', '![used](img/used.png)\n\nSome text with a note.'));
    const result = await zine(['build', 'pictures/pictures.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(result.code, result.stderr).toBe(0);
    // The fonts and the gallery's thumbnails are the build's own files, not the source's.
    const files = [...(await snapshot(join(dir, 'out', 'pictures'))).keys()].filter(
      (file) => !file.startsWith('fonts') && !file.startsWith('thumbnails'),
    );
    expect(files.sort()).toEqual(['.zinepress', join('img', 'used.png'), 'pictures.html', 'reading.pdf']);
  });
});

describe('links in the PDF', () => {
  it('keep only http:, https: and mailto: targets, and no path of this machine', async () => {
    await mkdir(join(dir, 'links'), { recursive: true });
    await writeFile(join(dir, 'links', 'notes.txt'), 'private notes');
    const body = [
      'See [my notes](notes.txt), [the shadow file](/etc/shadow), [a share](//server/share),',
      '[the web](https://example.org/a), [a letter](mailto:someone@example.org), [a chat](irc://irc.example.org/x),',
      'and [a file URL](file:///etc/passwd).',
    ].join(' ');
    await writeFile(join(dir, 'links', 'links.md'), GOOD.replace('Some text with a note.', `${body}\n\nSome text with a note.`));
    const result = await zine(['build', 'links/links.md', '--out', 'out', '--formats', 'reading'], dir);
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split('\n').filter((line) => line.includes('link to'));
    const dropped = ['[my notes]', '[the shadow file]', '[a share]', '[a chat]', '[a file URL]'];
    expect(warnings.map((line) => line.split(': link to')[0])).toEqual(dropped.map((label) => `links/links.md:6:${body.indexOf(label) + 1}`));
    expect(warnings[0]).toContain('link to the local file `notes.txt` cannot be followed in print');

    const pdf = await readFile(join(dir, 'out', 'links', 'reading.pdf'));
    // Links inside the document (a footnote's) go to a named place, not a URL.
    const external = (await linkTargets(pdf)).filter((target) => !target.startsWith('dest:'));
    expect(external.sort()).toEqual(['https://example.org/a', 'mailto:someone@example.org']);
    const text = (await readPages(pdf)).map((page) => page.text).join(' ');
    for (const words of ['my notes', 'the shadow file', 'a chat', 'a file URL']) expect(text).toContain(words);
    const inside = await pdfText(pdf);
    expect(inside).not.toContain(dir);
    expect(inside).not.toMatch(/file:|\/etc\/|notes\.txt/);
  });
});

describe('every failure a message', () => {
  it('a browser that will not start, named', async () => {
    const result = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading'], dir, { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/bin/false' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe(
      'zine: cannot start the browser at /bin/false: it quit at once; check that it is Chromium or Chrome and that it runs here (try it with --version)',
    );
    await expectUntouched();
  });

  it('a PUPPETEER_EXECUTABLE_PATH that names no file, named, and no other browser used', async () => {
    const result = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading'], dir, { ...process.env, PUPPETEER_EXECUTABLE_PATH: '/opt/nowhere/chrome' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('zine: PUPPETEER_EXECUTABLE_PATH is set to /opt/nowhere/chrome, which does not exist: fix or unset it');
    await expectUntouched();
  });

  it('a YAML alias bomb in the front matter, at its place', async () => {
    await mkdir(join(dir, 'bomb'), { recursive: true });
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [from, to] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh']) levels.push(`${to}: &${to} [${Array(9).fill(`*${from}`).join(', ')}]`);
    await writeFile(join(dir, 'bomb', 'zine.md'), `---\ntitle: Bomb\n${levels.join('\n')}\n---\n\nText.\n`);
    const result = await zine(['build', 'bomb/zine.md', '--out', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('bomb/zine.md:1:1: front matter: too many aliases (`*name`) to expand; write the values out');
    await expectUntouched();
  });

  it('a PDF without pages given to impose', async () => {
    const { PDFDocument } = await import('pdf-lib');
    await writeFile(join(dir, 'empty.pdf'), await (await PDFDocument.create()).save({ addDefaultPage: false }));
    const result = await zine(['impose', 'empty.pdf', '--layout', 'booklet', '-o', 'imposed.pdf'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('zine: empty.pdf has no pages');
    expect(existsSync(join(dir, 'imposed.pdf'))).toBe(false);
  });
});

describe.runIf(process.platform === 'linux')('zine build leaves nothing running', () => {
  // A temporary folder of these builds' own: a build started meanwhile by another test removes the
  // profiles of dead builds it finds in its own, which would take the killed build's before it is counted.
  const temp = mkdtempSync(join(tmpdir(), 'zine-faults-temp-'));
  const env = { ...process.env, TMPDIR: temp };
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  /** Starts a build long enough to be stopped while the browser lays it out; returns it with its browser. */
  async function startLongBuild(name: string) {
    const paragraph = 'A paragraph of the essay, long enough to take the browser a while. '.repeat(40);
    await writeFile(join(dir, `${name}.md`), GOOD.replace('Some text with a note.', `${paragraph}\n\n`.repeat(300)));
    const run = startZine(['build', `${name}.md`, '--out', 'out', '--formats', 'reading'], dir, env);
    const pid = run.child.pid as number;
    const browser = await until(() => childrenOf(pid).find((p) => /chrom/i.test(p.command)), 60_000, 'the browser');
    // The layout has begun once the page's HTML is in the staging folder.
    await until(() => {
      const stage = readdirSync(join(dir, 'out')).find((entry) => entry.startsWith(`.zinepress-tmp-${pid}-`));
      return stage !== undefined && existsSync(join(dir, 'out', stage, `${name}.html`));
    }, 60_000, 'the layout');
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    return { ...run, pid, browser, exited };
  }

  const stages = async () => (await readdir(join(dir, 'out'))).filter((name) => name.startsWith('.zinepress-tmp-'));
  /** The browser profile folders a build left in the system's temporary folder. */
  const profiles = (pid: number) => readdirSync(temp).filter((name) => name.startsWith(`zinepress-profile-${pid}-`));

  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`on ${signal} stops the browser, removes its staging folder and exits ${code} with one line`, async () => {
      const build = await startLongBuild(`stopped-${signal}`);
      expect(await stages()).toHaveLength(1);
      expect(profiles(build.pid)).toHaveLength(1);
      process.kill(build.pid, signal);
      expect(await build.exited).toBe(code);
      expect(build.stderr.text.trim().split('\n').at(-1)).toBe(`zine: stopped by ${signal}; nothing was written`);
      expect(build.stderr.text).not.toMatch(/\n\s+at /);
      await until(() => groupOf(build.browser.pid).length === 0, 5000, 'the browser to end');
      expect(await stages()).toEqual([]);
      expect(profiles(build.pid)).toEqual([]);
      await expectUntouched();
    }, 120_000);
  }

  it('on Ctrl-C after one document was written, says which, and leaves it whole', async () => {
    const paragraph = 'A paragraph of the essay, long enough to take the browser a while. '.repeat(40);
    await writeFile(join(dir, 'later.md'), GOOD.replace('Some text with a note.', `${paragraph}\n\n`.repeat(300)));
    await writeFile(join(dir, 'first.md'), GOOD);
    const run = startZine(['build', 'first.md', 'later.md', '--out', 'out2', '--formats', 'reading'], dir, env);
    const exited = new Promise<number | null>((resolve) => run.child.on('exit', (code) => resolve(code)));
    await until(() => existsSync(join(dir, 'out2', 'first', 'reading.pdf')), 60_000, 'the first document');
    expect(existsSync(join(dir, 'out2', 'later', 'reading.pdf'))).toBe(false);
    run.child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(run.stderr.text.trim().split('\n').at(-1)).toBe('zine: stopped by SIGINT; already written, whole: out2/first; nothing else was written');
    expect((await readPages(await readFile(join(dir, 'out2', 'first', 'reading.pdf')))).length).toBeGreaterThan(0);
  }, 120_000);

  it('on kill -9 the browser goes with the build, and the next build removes the staging folder', async () => {
    const build = await startLongBuild('killed');
    process.kill(build.pid, 'SIGKILL');
    await build.exited;
    const left = await until(() => groupOf(build.browser.pid).length === 0, 10_000, 'the browser to end').catch(() => groupOf(build.browser.pid));
    expect(left).toBe(true);
    expect(await stages()).toHaveLength(1); // nothing runs after kill -9 to remove it…
    expect(profiles(build.pid)).toHaveLength(1);
    const next = await zine(['build', 'zine.md', '--out', 'out', '--formats', 'reading'], dir, env);
    expect(next.code, next.stderr).toBe(0);
    expect(await stages()).toEqual([]); // …so the next build does
    expect(profiles(build.pid)).toEqual([]);
    await expectUntouched();
  }, 120_000);
});
