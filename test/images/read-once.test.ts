/**
 * An image is read once and those bytes are what is staged: a file swapped
 * after the check, or a link switched to a file outside the essay's folder
 * while it is read, is never what gets published.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLocalImage, imageFolder } from '../../scripts/markdown/assets.ts';
import { readImageOnce } from '../../scripts/images/read-once.ts';
import { markdownToHtml } from '../../scripts/markdown/index.ts';
import { stageAssets } from '../../scripts/paginate/assets.ts';
import { VFile } from 'vfile';

let root: string;
let essay: string;

function png(shade: number): Buffer {
  const image = new PNG({ width: 8, height: 8 });
  image.data.fill(shade);
  return PNG.sync.write(image);
}
const inside = png(200);
const outside = png(10);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zine-read-once-'));
  essay = join(root, 'essay');
  await mkdir(essay);
  await writeFile(join(essay, 'inside.png'), inside);
  await writeFile(join(root, 'secret.png'), outside);
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const place = async () => imageFolder(new VFile({ path: join(essay, 'essay.md') }));

describe('an image read once', () => {
  it('is staged from the bytes checked, even when the file changes after the check', async () => {
    await writeFile(join(essay, 'pic.png'), inside);
    const markdown = await markdownToHtml({ path: join(essay, 'essay.md'), text: '---\ntitle: X\n---\n\n![a](pic.png)\n' });
    await writeFile(join(essay, 'pic.png'), outside);
    const stage = join(root, 'stage');
    await stageAssets({ dir: stage, assets: markdown.assets });
    expect(await readFile(join(stage, 'pic.png'))).toEqual(Buffer.from(markdown.assets[0]?.cleaned ?? []));
    expect(PNG.sync.read(await readFile(join(stage, 'pic.png'))).data[0]).toBe(200);
  });

  it('is refused when it is a link to a file outside the folder', async () => {
    await symlink(join(root, 'secret.png'), join(essay, 'link.png'));
    expect(await checkLocalImage('link.png', await place())).toEqual({ problem: 'links to a file outside the essay’s folder; images must be inside it' });
  });

  it('is refused, without waiting, when it is a FIFO', async () => {
    execFileSync('mkfifo', [join(essay, 'fifo.png')]);
    expect(await checkLocalImage('fifo.png', await place())).toEqual({ problem: 'is not a file' });
  });

  it('never gives the outside file’s bytes while a link is switched back and forth', async () => {
    const link = join(essay, 'swapped.png');
    await symlink('inside.png', link);
    let running = true;
    const swapping = (async () => {
      for (let turn = 0; running; turn++) {
        const next = join(essay, `next-${turn}.png`);
        await symlink(turn % 2 === 0 ? join(root, 'secret.png') : 'inside.png', next);
        await rename(next, link);
      }
    })();
    const seen = { inside: 0, refused: 0 };
    for (let build = 0; build < 200; build++) {
      const checked = await checkLocalImage('swapped.png', await place());
      if ('problem' in checked) seen.refused += 1;
      else {
        expect(PNG.sync.read(Buffer.from(checked.cleaned)).data[0]).toBe(200);
        seen.inside += 1;
      }
    }
    running = false;
    await swapping;
    expect(seen.inside + seen.refused).toBe(200);
  });

  it('never gives the outside file’s bytes while the path is switched between a file and a link outside', async () => {
    // The file is opened through the link, then the path is a file again while its place is looked up, then a link again
    // while that place is checked: only where the opened file itself lies tells.
    const path = join(essay, 'flipped.png');
    await writeFile(path, inside);
    let running = true;
    const swapping = (async () => {
      for (let turn = 0; running; turn++) {
        const next = join(essay, `flip-${turn}.png`);
        if (turn % 2 === 0) await symlink(join(root, 'secret.png'), next);
        else await writeFile(next, inside);
        await rename(next, path);
      }
    })();
    const seen = { inside: 0, outside: 0, refused: 0 };
    for (let read = 0; read < 1500; read++) {
      const got = await readImageOnce(path, { realFolder: essay });
      if ('problem' in got) seen.refused += 1;
      else if (PNG.sync.read(Buffer.from(got.bytes)).data[0] === 200) seen.inside += 1;
      else seen.outside += 1;
    }
    running = false;
    await swapping;
    expect(seen.outside).toBe(0);
    // Not a check that refuses everything: with the path left a file inside, it is read. (How many of the reads above
    // got through depends on how the swaps and the reads interleave: on a loaded machine, none at all.)
    await writeFile(`${path}.settled`, inside); // put in place of the link or file the swapping left, not written through it
    await rename(`${path}.settled`, path);
    const settled = await readImageOnce(path, { realFolder: essay });
    expect('bytes' in settled && PNG.sync.read(Buffer.from(settled.bytes)).data[0]).toBe(200);
  }, 60_000);

  it('refuses a file opened through a link outside even when the path is a file inside by the time it is looked up', async () => {
    const path = join(essay, 'turned.png');
    await symlink(join(root, 'secret.png'), path);
    const got = await readImageOnce(path, {
      realFolder: essay,
      afterOpen: async () => {
        await writeFile(`${path}.new`, inside);
        await rename(`${path}.new`, path);
      },
    });
    expect(got).toEqual({ problem: 'links to a file outside the essay’s folder; images must be inside it' });
  });
});
