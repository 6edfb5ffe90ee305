/** Generated markdown documents: random nesting, directives, footnotes, front matter and unicode. */
import fc from 'fast-check';

// Words in the scripts the bundled fonts draw come most often; any code point
// (often one no font has, which the glyph check refuses) now and then.
const word = fc.oneof(
  { arbitrary: fc.constantFrom('rent', 'strike', 'union', 'solidarity', 'care', 'wages', 'ﬁre', 'naïve', 'Αλληλεγγύη', 'солидарность', 'تضامن', 'סולידריות', '团结', '\u00ad', '\u200b', '\u202e'), weight: 12 },
  { arbitrary: fc.constant('👩🏽‍🔧'), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), weight: 1 },
);

const inline: fc.Arbitrary<string> = fc.letrec<{ inline: string }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.tuple(tie('inline'), tie('inline')).map(([a, b]) => `${a} ${b}`),
    tie('inline').map((text) => `*${text}*`),
    tie('inline').map((text) => `**${text}**`),
    tie('inline').map((text) => `\`${text}\``),
    fc.tuple(tie('inline'), fc.constantFrom('https://example.org/x', 'mailto:a@b.c', 'notes.txt', '/etc/shadow', 'javascript:alert(1)', '#top', 'file:///x', '')).map(([t, u]) => `[${t}](${u})`),
    fc.constantFrom('![pic](missing.png)', '![](https://example.org/a.png)', '![x](../../etc/passwd)', '<b>raw</b>', '<script>x</script>', '[^a]', '[^b]', '[^missing]', '^[inline note]', '\\', '&amp;', '&#0;'),
  ),
})).inline;

const block: fc.Arbitrary<string> = fc.letrec<{ block: string }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inline,
    fc.tuple(fc.integer({ min: 1, max: 7 }), inline).map(([level, text]) => `${'#'.repeat(level)} ${text}`),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((blocks) => blocks.map((b) => `> ${b.replace(/\n/g, '\n> ')}`).join('\n>\n')),
    fc.array(inline, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
    fc.array(inline, { minLength: 1, maxLength: 3 }).map((items) => items.map((item, i) => `${i + 1}. ${item}`).join('\n')),
    fc.tuple(fc.constantFrom('a', 'b', 'c'), inline).map(([id, text]) => `[^${id}]: ${text}`),
    fc.tuple(fc.constantFrom('tear-off', 'slogans', 'address', 'unknown', 'tear-off{.x}'), fc.array(tie('block'), { maxLength: 3 }), fc.constantFrom(3, 4))
      .map(([name, blocks, fence]) => `${':'.repeat(fence)}${name}\n${blocks.join('\n\n')}\n${':'.repeat(fence)}`),
    fc.constantFrom('::::tear-off\n## Card\n:::address\nA\\\nB\n:::\n::::', '```\ncode\n```', '| a | b |\n| - | - |\n| 1 | 2 |', '---', '***', '<div>raw block</div>', '::leaf[x]{y=z}', ':::\n:::'),
  ),
})).block;

// A front matter that may pass comes most often; broken YAML and none at all now and then.
const frontMatter = fc.oneof(
  {
    arbitrary: fc
      .tuple(inline, fc.constantFrom('', '', '', 'date: 2025-03-08\n', 'date: 2025-13-45\n', 'lang: fr\n', 'footnotes: numbers\n', 'paper: a4\n', 'formats: [mini]\n', 'unknown: 1\n', 'title: twice\n', 'a: &a [1]\nb: *a\n'))
      .map(([title, extra]) => `---\ntitle: ${JSON.stringify(title)}\n${extra}---\n`),
    // Heavier since a file of front matter alone is refused: about one document in ten still builds.
    weight: 10,
  },
  { arbitrary: fc.string({ maxLength: 40 }).map((yaml) => `---\n${yaml}\n---\n`), weight: 1 },
  { arbitrary: fc.constant(''), weight: 1 },
);

// At least one block: a file of front matter alone is refused at once (markdown/no-text.ts).
export const documents: fc.Arbitrary<string> = fc.tuple(frontMatter, fc.array(block, { minLength: 1, maxLength: 8 })).map(([front, blocks]) => `${front}\n${blocks.join('\n\n')}\n`);
