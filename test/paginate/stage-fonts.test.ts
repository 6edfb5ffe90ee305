/**
 * A document's fonts are planned once (paginate/fonts.ts planOnce): the web
 * edition stages the faces its print staged, for the same text, and the plan
 * of the print is taken again rather than made again.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { labelsFor } from '../../scripts/config/labels.ts';
import { planOnce, stageFonts } from '../../scripts/paginate/fonts.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

it('plans the same text, capitals, language and labels once, and anything else anew', async () => {
  const labels = labelsFor('en');
  const text = `<p>${'Solidarity forever, ъ ω 😀 '.repeat(200)}</p>`;
  const first = planOnce({ lang: 'en', text, capitals: 'TITLE', labels });
  // The same characters in a string made anew, as each caller makes it.
  expect(planOnce({ lang: 'en', text: [...text].join(''), capitals: 'TITLE', labels })).toBe(first);
  expect(planOnce({ lang: 'en', text: `${text}ж`, capitals: 'TITLE', labels })).not.toBe(first);
  const other = planOnce({ lang: 'en', text, capitals: 'TITLE', labels: labelsFor('fr') });
  expect(other).not.toBe(first);
  expect(planOnce({ lang: 'ru', text, capitals: 'TITLE', labels: labelsFor('fr') })).not.toBe(other);
});

it('stages the same faces and rules in a second folder from the kept plan', async () => {
  const made = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zinepress-stage-fonts-'));
    dirs.push(dir);
    const rules = await stageFonts({ dir, lang: 'en', text: 'Ὅλοι οἱ ἄνθρωποι and some English', capitals: 'TITLE', labels: labelsFor('en') });
    return { rules, files: (await readdir(join(dir, 'fonts'))).sort() };
  };
  const print = await made();
  const web = await made();
  expect(print.files.length).toBeGreaterThan(0);
  expect(print.files.some((file) => /noto-serif/i.test(file))).toBe(true);
  expect(web).toEqual(print);
});
