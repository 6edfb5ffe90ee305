/**
 * A document's fonts are planned once (paginate/fonts.ts documentFonts) and
 * staged from that plan beside each HTML that needs them: the web edition
 * gets the faces and rules its print got.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { labelsFor } from '../../scripts/config/labels.ts';
import { documentFonts, stageFonts } from '../../scripts/paginate/fonts.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it('stages the same faces and rules in a second folder from one plan', async () => {
  const plan = await documentFonts({ lang: 'en', text: 'Ὅλοι οἱ ἄνθρωποι and some English', capitals: 'TITLE', labels: labelsFor('en') });
  const made = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zinepress-stage-fonts-'));
    dirs.push(dir);
    const rules = await stageFonts({ dir, plan });
    return { rules, files: (await readdir(join(dir, 'fonts'))).sort() };
  };
  const print = await made();
  const web = await made();
  expect(print.files.length).toBeGreaterThan(0);
  expect(print.files.some((file) => /noto-serif/i.test(file))).toBe(true);
  expect(web).toEqual(print);
});
