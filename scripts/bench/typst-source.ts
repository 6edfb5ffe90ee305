/**
 * Markdown → a Typst source of the same text, for timing Typst against the
 * Chromium pipelines: the title, headings, paragraphs, emphasis, lists, quotes
 * and footnotes (each note set at its call), on the same page size, margins,
 * faces and type size as the reading edition. Directives' contents are kept
 * as plain blocks; their designs (cover, card, slogans) are not imitated.
 */
import type { BlockContent, DefinitionContent, FootnoteDefinition, PhrasingContent, Root, RootContent } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';

export interface TypstPage {
  /** Page width. Default '5.5in' (half letter, the reading edition's). */
  width?: string;
  /** Page height. Default '8.5in'. */
  height?: string;
  /** Body type size. Default '10pt' (styles/type.css). */
  size?: string;
  /** Body face. Default 'Source Serif 4'. */
  serif?: string;
  /** Headings' face. Default 'Source Sans 3'. */
  sans?: string;
}

/** Characters with a meaning in Typst markup, each written escaped. */
const SPECIAL = /[\\*_`#$<>@[\]=\-+/~]/g;

/** Text as Typst markup that prints it as is. */
export function escapeTypst(text: string): string {
  return text.replace(/\s+/g, ' ').replace(SPECIAL, (c) => `\\${c}`);
}

const str = (text: string): string => JSON.stringify(text);

type Notes = ReadonlyMap<string, FootnoteDefinition>;

function inline(nodes: readonly PhrasingContent[], notes: Notes): string {
  return nodes.map((node) => phrasing(node, notes)).join('');
}

function phrasing(node: PhrasingContent, notes: Notes): string {
  switch (node.type) {
    case 'text':
      return escapeTypst(node.value);
    case 'emphasis':
      return `#emph[${inline(node.children, notes)}]`;
    case 'strong':
      return `#strong[${inline(node.children, notes)}]`;
    case 'delete':
      return `#strike[${inline(node.children, notes)}]`;
    case 'inlineCode':
      return `#raw(${str(node.value)})`;
    case 'link':
      return `#link(${str(node.url)})[${inline(node.children, notes)}]`;
    case 'break':
      return '#linebreak()';
    case 'footnoteReference': {
      const note = notes.get(node.identifier);
      return note === undefined ? '' : `#footnote[${blocks(note.children, notes).trim()}]`;
    }
    default:
      // Text directives, raw HTML, images: their words if they hold any.
      return 'children' in node ? inline(node.children as PhrasingContent[], notes) : '';
  }
}

function blocks(nodes: readonly (RootContent | BlockContent | DefinitionContent)[], notes: Notes): string {
  return nodes.map((node) => block(node, notes)).join('');
}

function block(node: RootContent, notes: Notes): string {
  switch (node.type) {
    case 'heading':
      return `${'='.repeat(Math.min(node.depth, 6))} ${inline(node.children, notes)}\n\n`;
    case 'paragraph': {
      const text = inline(node.children, notes);
      // A paragraph that opens with "12." would read as a numbered list.
      return `${/^\d+\./.test(text) ? `\\${text}` : text}\n\n`;
    }
    case 'blockquote':
      return `#quote(block: true)[\n${blocks(node.children, notes).trim()}\n]\n\n`;
    case 'list':
      return `${node.children
        .map((item, i) => `${node.ordered ? `${(node.start ?? 1) + i}.` : '-'} ${blocks(item.children, notes).trim().replace(/\n/g, '\n  ')}`)
        .join('\n')}\n\n`;
    case 'code':
      return `#raw(block: true, ${str(node.value)})\n\n`;
    case 'thematicBreak':
      return '#line(length: 100%)\n\n';
    case 'containerDirective':
    case 'leafDirective':
      return blocks(node.children as BlockContent[], notes);
    default:
      // Note definitions are set at their calls; front matter, HTML and definitions print nothing.
      return '';
  }
}

function preamble(page: Required<TypstPage>, lang: string): string {
  return [
    `#set page(width: ${page.width}, height: ${page.height}, margin: (top: 0.6in, bottom: 0.75in, inside: 0.6in, outside: 0.5in), numbering: "1")`,
    `#set text(font: ${str(page.serif)}, size: ${page.size}, lang: ${str(lang)}, hyphenate: true)`,
    // Line height 1.38: Typst's leading runs from one line's baseline to the next one's cap height (~0.67 em).
    '#set par(justify: true, leading: 0.71em, spacing: 0.71em, first-line-indent: 1.2em)',
    `#show heading: set text(font: ${str(page.sans)}, weight: 700)`,
    '#show heading.where(level: 1): set text(size: 17pt)',
    '#show heading.where(level: 2): set text(size: 13pt)',
    '#show heading.where(level: 3): set text(size: 11pt)',
    '#show heading: set block(above: 1.4em, below: 0.8em)',
    '#set footnote.entry(separator: line(length: 100%, stroke: 0.5pt))',
    '#show footnote.entry: set text(size: 8pt)',
    '',
  ].join('\n');
}

/** The Typst source of a markdown document: its title as the first heading, then its text. */
export function typstSource(markdown: string, page: TypstPage = {}): string {
  const settings: Required<TypstPage> = { width: '5.5in', height: '8.5in', size: '10pt', serif: 'Source Serif 4', sans: 'Source Sans 3', ...page };
  const tree = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).parse(markdown) as Root;
  const yaml = tree.children.find((node) => node.type === 'yaml');
  const front = (yaml === undefined ? {} : (parseYaml(yaml.value) ?? {})) as { title?: unknown; lang?: unknown };
  const notes = new Map<string, FootnoteDefinition>();
  for (const node of tree.children) if (node.type === 'footnoteDefinition') notes.set(node.identifier, node);
  const title = typeof front.title === 'string' ? `= ${escapeTypst(front.title)}\n\n` : '';
  const body = blocks(tree.children, notes).replace(/\n{3,}/g, '\n\n');
  return `${preamble(settings, typeof front.lang === 'string' ? front.lang : 'en')}\n${title}${body}`;
}
