/**
 * The gallery's folding steps match what was made: a booklet with a tear-out
 * card says to cut it out, one without a card does not.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { GOOD, zine } from '../helpers/zine.ts';

const CUT = 'Cut or tear the card out';

it('tells the reader to cut out the card only when there is one', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'zine-steps-'));
  await writeFile(join(dir, 'card.md'), GOOD);
  await writeFile(join(dir, 'plain.md'), GOOD.replace(/::::tear-off[\s\S]*::::\n/, ''));
  for (const name of ['card', 'plain']) {
    const built = await zine(['build', `${name}.md`, '--out', name, '--formats', 'booklet'], dir);
    expect(built.code, built.stderr).toBe(0);
  }
  expect(await readFile(join(dir, 'card', 'index.html'), 'utf8')).toContain(CUT);
  const plain = await readFile(join(dir, 'plain', 'index.html'), 'utf8');
  expect(plain).toContain('Staple on the fold');
  expect(plain).not.toContain(CUT);
}, 120_000);
