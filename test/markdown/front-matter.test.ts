import { describe, expect, it } from 'vitest';
import { qrModules } from '../../scripts/markdown/qr.ts';
import { FRONT_MATTER_KEYS, validateFrontMatter } from '../../scripts/config/frontmatter.ts';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { card, errorsOf, warningsOf } from './helpers.ts';

const doc = (yaml: string) => `---\n${yaml}---\n\nBody.\n${card}`;
const KNOWN = FRONT_MATTER_KEYS.join(', ');

describe('front matter schema', () => {
  it('fills the defaults and keeps a YAML date as a string', async () => {
    const { frontMatter } = await markdownStringToHtml(doc('title: T\ndate: 2025-03-08\n'));
    expect(frontMatter).toEqual({ title: 'T', date: '2025-03-08', lang: 'en', footnotes: 'stars', 'cover-image': 'full', 'cover-style': 'poster' });
  });

  it('takes every key', () => {
    const result = validateFrontMatter({
      title: 'T',
      subtitle: 'S',
      author: 'A',
      date: '2024-02-29',
      lang: 'pt-BR',
      dir: 'rtl',
      credits: ['one', 'two'],
      paper: 'a4',
      footnotes: 'numbers',
      formats: ['reading', 'booklet', 'mini', 'slips'],
    });
    expect(result.success).toBe(true);
  });

  it('reads signature as sheets and creep as a length in points', () => {
    const result = validateFrontMatter({ title: 'T', signature: 3, creep: '1mm' });
    expect(result.success && result.frontMatter.signature).toBe(3);
    expect(result.success && result.frontMatter.creep).toBeCloseTo(72 / 25.4, 9);
    const inches = validateFrontMatter({ title: 'T', creep: '0.02 in' });
    expect(inches.success && inches.frontMatter.creep).toBeCloseTo(1.44, 9);
  });

  it.each([
    [{ title: 'T', date: '2025-02-30' }, 'front matter: `date` must be a date like 2025-03-08'],
    [{ title: 'T', date: 20250308 }, 'front matter: `date` must be a date like 2025-03-08'],
    [{ title: '' }, 'front matter: `title` must not be empty'],
    [{ title: 3 }, 'front matter: `title` must be text'],
    [{ title: 'T', lang: 'english please' }, 'front matter: `lang` must be a language tag like "en" or "pt-BR"'],
    [{ title: 'T', paper: 'legal' }, 'front matter: `paper` must be one of "letter", "a4"'],
    [{ title: 'T', dir: 'right' }, 'front matter: `dir` must be one of "ltr", "rtl" (left to right, right to left)'],
    [{ title: 'T', footnotes: 'daggers' }, 'front matter: `footnotes` must be one of "stars", "numbers"'],
    [{ title: 'T', formats: ['poster'] }, 'front matter: `formats[0]` must be one of "reading", "booklet", "mini", "slips", "web", "large-print"'],
    [{ title: 'T', url: 'example.org/zine' }, 'front matter: `url` must be a web address like https://example.org/zine'],
    [{ title: 'T', url: 'ftp://example.org/zine' }, 'front matter: `url` must start with https:// or http://'],
    [{ title: 'T', credits: 'one line' }, 'front matter: `credits` must be a list of lines (each line starting with "- ")'],
    [{ title: 'T', signature: 2.5 }, 'front matter: `signature` must be a whole number of sheets, like 4'],
    [{ title: 'T', signature: 0 }, 'front matter: `signature` must be at least 1 sheet'],
    [{ title: 'T', creep: '1' }, 'front matter: `creep` must be a length like 1mm, 0.04in or 3pt'],
    [{ title: 'T', creep: 'a bit' }, 'front matter: `creep` must be a length like 1mm, 0.04in or 3pt'],
    [{ title: 'T', 'flip-with': 'other.pdf' }, 'front matter: `flip-with` must be the path of a markdown source beside this one, like other-language.md'],
    [{ title: 'T', 'flip-with': ['a.md'] }, 'front matter: `flip-with` must be the path of a markdown source beside this one, like other-language.md'],
    [{ title: 'T', colour: 'red' }, `front matter: \`colour\` is not a known key (known keys: ${KNOWN})`],
    [{}, 'front matter: `title` is required'],
    [['a'], 'front matter must be a list of `key: value` lines'],
  ])('refuses %j', (data, message) => {
    const result = validateFrontMatter(data);
    expect(result.success).toBe(false);
    expect(result.success ? [] : result.problems.map((problem) => problem.message)).toContain(message);
  });
});

describe('front matter errors point into the .md file', () => {
  it('bad date: at the key', async () => {
    expect(await errorsOf(doc('title: T\ndate: 2025-13-45\n'), 'source/x.md')).toEqual([
      'source/x.md:3:1: front matter: `date` must be a date like 2025-03-08',
    ]);
  });

  it('unknown key: at the key', async () => {
    expect(await errorsOf(doc('title: T\nsubtitle: S\n  # a comment\ncolour: red\n'), 'source/x.md')).toEqual([
      `source/x.md:5:1: front matter: \`colour\` is not a known key (known keys: ${KNOWN})`,
    ]);
  });

  it('a url too long for the QR code: at the key, with how long it may be', async () => {
    const url = `https://example.org/${'a'.repeat(2312)}`; // 2,332 bytes, one past version 40's capacity
    expect(await errorsOf(doc(`title: T\nurl: ${url}\n`), 'source/x.md')).toEqual([
      'source/x.md:3:1: front matter: `url` is 2,332 bytes long, and the QR code printed from it holds at most 2,331: use a shorter address',
    ]);
    // One byte shorter, it fits: the code is made (as the card's back and the colophon print it).
    expect(qrModules(url.slice(0, -1))).toHaveLength(177);
  });

  it('missing title: at the block', async () => {
    expect(await errorsOf(doc('subtitle: S\n'), 'source/x.md')).toEqual(['source/x.md:1:1: front matter: `title` is required']);
  });

  it('no front matter at all: at the start', async () => {
    expect(await errorsOf('# Just a heading\n', 'x.md')).toEqual([
      'x.md:1:1: front matter: missing; start the file with a `---` line, `title: …`, and another `---` line',
    ]);
  });

  it('YAML syntax error: line and column inside the .md file', async () => {
    expect(await errorsOf(doc('title: T\nsubtitle: "open\n'), 'x.md')).toEqual([
      'x.md:3:16: front matter: invalid YAML: Missing closing "quote',
    ]);
    expect(await errorsOf(doc('title: a: b\n'), 'x.md')).toEqual([
      'x.md:2:8: front matter: quote the value: title: "a: b" (YAML read it as: Nested mappings are not allowed in compact mappings)',
    ]);
  });

  it('YAML error after CRLF lines still has the right line', async () => {
    const text = '---\r\ntitle: T\r\nlang: en\r\ndate: 2025-02-30\r\n---\r\n\r\nBody.\r\n';
    expect(await errorsOf(text, 'x.md')).toEqual(['x.md:4:1: front matter: `date` must be a date like 2025-03-08']);
  });

  it('duplicate key: at the second one', async () => {
    expect(await errorsOf(doc('title: T\ntitle: U\n'), 'x.md')).toEqual(['x.md:3:1: front matter: invalid YAML: Map keys must be unique']);
  });

  it('a bad list item: at the item', async () => {
    expect(await errorsOf(doc('title: T\ncredits:\n  - fine\n  - 3\n'), 'x.md')).toEqual([
      'x.md:5:5: front matter: `credits[1]` must be a line of text',
    ]);
  });

  it('not a mapping: at the content', async () => {
    expect(await errorsOf(doc('- a\n- b\n'), 'x.md')).toEqual(['x.md:2:1: front matter must be a list of `key: value` lines']);
  });

  it('reports every problem at once', async () => {
    expect(await errorsOf(doc('title: T\ndate: soon\npaper: legal\n'), 'x.md')).toEqual([
      'x.md:3:1: front matter: `date` must be a date like 2025-03-08',
      'x.md:4:1: front matter: `paper` must be one of "letter", "a4"',
    ]);
  });

  it('the footnotes option overrides the front matter', async () => {
    const text = doc('title: T\nfootnotes: numbers\n').replace('Body.', 'Body[^a].\n\n[^a]: Note.');
    const { html, frontMatter } = await markdownStringToHtml(text, { footnotes: 'stars' });
    expect(frontMatter.footnotes).toBe('numbers');
    expect(html).toContain('data-mark="*"');
  });

  it('a language without hyphenation patterns: one warning, at the lang key', async () => {
    expect(await warningsOf(doc('title: T\nlang: tlh\n') + '\nMore text.\n', 'x.md')).toEqual([
      'x.md:3:1: no hyphenation patterns for `lang: tlh`; the text is not hyphenated',
    ]);
  });
});
