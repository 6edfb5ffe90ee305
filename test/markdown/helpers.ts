import type { Element, Nodes, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { createProcessor, formatMessage, markdownStringToHtml, MarkdownError } from '../../scripts/markdown/index.ts';

/** The finished hast tree (before stringifying) and its file. */
export async function renderTree(text: string, path = 'input.md'): Promise<{ tree: Root; file: VFile }> {
  const file = new VFile({ path, value: text });
  const processor = createProcessor();
  const tree = await processor.run(processor.parse(file), file);
  return { tree, file };
}

/** The formatted warnings of a run that must succeed. */
export async function warningsOf(text: string, path = 'input.md'): Promise<string[]> {
  const { file } = await markdownStringToHtml(text, { path });
  return file.messages.map((message) => formatMessage(file, message));
}

/** The formatted errors of a run that must fail. */
export async function errorsOf(text: string, path = 'input.md'): Promise<string[]> {
  try {
    await markdownStringToHtml(text, { path });
  } catch (error) {
    if (error instanceof MarkdownError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected the markdown to be refused');
}

export function hasClass(node: Nodes, name: string): node is Element {
  if (node.type !== 'element') return false;
  const className = node.properties['className'];
  return Array.isArray(className) && className.includes(name);
}

/** Every element carrying class `name`. */
export function byClass(tree: Nodes, name: string): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (hasClass(node, name)) found.push(node);
  });
  return found;
}

/** Text without soft hyphens, whitespace collapsed. */
export function plain(node: Nodes | string): string {
  const text = typeof node === 'string' ? node : toString(node);
  return text.replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim();
}

/** Text of a node with the footnotes called in it left out. */
export function plainWithoutNotes(node: Element): string {
  const copy = structuredClone(node);
  visit(copy, 'element', (child, index, parent) => {
    if (parent && index !== undefined && hasClass(child, 'footnote')) {
      parent.children.splice(index, 1);
      return index;
    }
    return undefined;
  });
  return plain(copy);
}

export const frontMatter = (title = 'T') => `---\ntitle: ${title}\n---\n\n`;
export const card = '\n::::tear-off\nCard.\n\n:::address\nSomeone\n:::\n::::\n';
