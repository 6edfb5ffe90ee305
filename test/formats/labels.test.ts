/**
 * The words a zine prints on its own (config/labels.ts), resolved once with
 * the document (config/document.ts), reach every format in the document's
 * language: the colophon's line, the envelope's stamp and return address,
 * the card's cut line, and the web edition's link back from a note.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../scripts/build.ts';

const FORMATS = 'formats: [reading, booklet, mini, slips, web]';

const FRENCH = `---\ntitle: Le loyer\nlang: fr\n${FORMATS}\n---\n
Le loyer monte chaque année, et nous écrivons ensemble pour le dire.[^1]\n
[^1]: Une note courte.\n
::::tear-off\n## Écrivez-nous\n\n:::address\nCollectif du loyer\\\n12 rue des Lilas\n:::\n::::\n`;

const ARABIC = `---\ntitle: "الإيجار"\nlang: ar\n${FORMATS}\n---\n
يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.[^1]\n
[^1]: ملاحظة قصيرة.\n
::::tear-off\n## اكتبوا إلينا\n\n:::address\nجمعية الإيجار\\\nشارع الزيتون\n:::\n::::\n`;

/** What each printed format must carry, by document. */
const EXPECTED = {
  fr: { setWith: 'Composé avec Zinepress', stamp: 'timbre', cutLine: 'découper ou déchirer le long du trait', backToText: 'Retour au texte' },
  ar: { setWith: 'نُضّد باستخدام', stamp: 'طابع', cutLine: 'قصّ أو مزّق على طول الخط', backToText: 'العودة إلى النص' },
} as const;

let dir = '';
const text = async (name: string, format: string): Promise<string> =>
  (await promisify(execFile)('pdftotext', [join(dir, 'out', name, `${format}.pdf`), '-'])).stdout;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zine-labels-'));
  await writeFile(join(dir, 'fr.md'), FRENCH);
  await writeFile(join(dir, 'ar.md'), ARABIC);
  // Every format, in the test's own process; the gallery's pictures are no part of what is checked here.
  const rows = await build({ files: [join(dir, 'fr.md'), join(dir, 'ar.md')], out: join(dir, 'out'), progress: false, gallery: false, reporter: { warn: () => undefined } });
  expect(new Set(rows.map((row) => row.format))).toEqual(new Set(['reading', 'booklet', 'mini', 'slips', 'web']));
}, 240_000);

describe.each(Object.entries(EXPECTED))('a document in %s', (name, labels) => {
  it.each(['reading', 'booklet', 'mini'])('prints the colophon and the envelope in its language: %s', async (format) => {
    const printed = await text(name, format);
    expect(printed).toContain(labels.setWith);
    expect(printed).toContain(labels.stamp);
    expect(printed).not.toContain('Set with Zinepress');
  });

  it('prints the card’s cut line in its language beside the reading pages, and the envelope on every slip', async () => {
    expect(await text(name, 'reading')).toContain(labels.cutLine);
    const slips = await text(name, 'slips');
    expect(slips.split(labels.stamp).length - 1).toBe(4);
    expect(slips).not.toContain('stamp');
  });

  it('links the web edition’s notes back to the text in its language', async () => {
    const html = await readFile(join(dir, 'out', name, 'web', 'index.html'), 'utf8');
    expect(html).toContain(labels.backToText);
    expect(html).not.toContain('Back to the text');
  });
});
