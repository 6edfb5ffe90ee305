/**
 * The directives an essay may use (remark-directive syntax):
 *
 *   :::slogans … :::           → <div class="slogans">
 *   :::address … :::           → <address class="mail-to"> (one line per line)
 *   ::::tear-off … ::::        → the card (handled by tear-off.ts)
 *
 * To nest containers the OUTER fence needs more colons than the inner one
 * (`::::tear-off` around `:::address`); a stray `:::` line left in a paragraph
 * (the usual symptom of getting that backwards) is warned about.
 *
 * Anything else that parsed as a directive is put back as the text it was
 * written as: `10:30` or `a:b` in prose parse as text directives and are
 * restored silently; other unknown directives are restored with a warning.
 */
import type { Element } from 'hast';
import type { Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Options as ToHastOptions } from 'remark-rehype';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ContainerDirective, Directive } from './data.ts';
import { positionAt, warn } from './messages.ts';

export const CONTAINERS = ['tear-off', 'slogans', 'address'] as const;

export function remarkDirectives() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const written = (node: RootContent) =>
      source.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);

    visit(tree, (node, index, parent) => {
      if (node.type === 'paragraph') {
        warnStrayFences(node, source, file);
        return;
      }
      if (!isDirective(node) || !parent || index === undefined) return;
      const fence = node.type === 'containerDirective' ? ':::' : node.type === 'leafDirective' ? '::' : ':';

      if (node.type === 'containerDirective' && (CONTAINERS as readonly string[]).includes(node.name)) {
        if (node.attributes && Object.keys(node.attributes).length > 0) {
          warn(file, `attributes on \`${fence}${node.name}\` are ignored`, node.position, 'directive-attributes');
        }
        if (node.name === 'slogans') node.data = { hName: 'div', hProperties: { className: ['slogans'] } };
        if (node.name === 'address') shapeAddress(node, file);
        return;
      }

      if (node.type === 'containerDirective') {
        warn(file, `unknown directive \`:::${node.name}\` (known: ${CONTAINERS.join(', ')}); its content is kept without it`, node.position, 'directive-unknown');
        parent.children.splice(index, 1, ...(node.children as typeof parent.children));
        return [SKIP, index];
      }

      const text: Text = { type: 'text', value: written(node) };
      if (node.position) text.position = node.position;
      if (node.type === 'leafDirective') {
        warn(file, `unknown directive \`::${node.name}\`; kept as text`, node.position, 'directive-unknown');
        const paragraph: Paragraph = { type: 'paragraph', children: [text] };
        if (node.position) paragraph.position = node.position;
        parent.children.splice(index, 1, paragraph as (typeof parent.children)[number]);
      } else {
        // `:name` alone is prose ("10:30", "a:b"); a label or attributes mean a directive was meant.
        if (text.value.length > node.name.length + 1) {
          warn(file, `unknown directive \`:${node.name}\`; kept as text`, node.position, 'directive-unknown');
        }
        parent.children.splice(index, 1, text as (typeof parent.children)[number]);
      }
      return [SKIP, index + 1];
    });
  };
}

function isDirective(node: { type: string }): node is Directive {
  return node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective';
}

/** Address lines break where they break in the source, with or without a trailing backslash. */
function shapeAddress(node: ContainerDirective, file: VFile): void {
  node.data = { hName: 'address', hProperties: { className: ['mail-to'] } };
  for (const child of node.children) {
    if (child.type !== 'paragraph') {
      warn(file, '`:::address` should hold only the lines of an address', child.position, 'address-content');
      continue;
    }
    child.children = child.children.flatMap((phrase): PhrasingContent[] => {
      if (phrase.type !== 'text' || !phrase.value.includes('\n')) return [phrase];
      return phrase.value.split('\n').flatMap((line, lineIndex): PhrasingContent[] =>
        lineIndex === 0 ? [{ type: 'text', value: line }] : [{ type: 'break' }, { type: 'text', value: line }],
      );
    });
  }
}

/** The lines of an `address` container, as plain text. */
export function addressLines(node: ContainerDirective): string[] {
  const lines: string[] = [];
  for (const child of node.children) {
    if (child.type !== 'paragraph') continue;
    let line: PhrasingContent[] = [];
    const flush = () => {
      const text = line.map((phrase) => toString(phrase)).join('').trim();
      if (text) lines.push(text);
      line = [];
    };
    for (const phrase of child.children) {
      if (phrase.type === 'break') flush();
      else line.push(phrase);
    }
    flush();
  }
  return lines;
}

const STRAY_FENCE = /(^|\n)[ \t]*(:{3,})[ \t]*(?=\r?\n|$)/;

function warnStrayFences(node: Paragraph, source: string, file: VFile): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return;
  const match = STRAY_FENCE.exec(source.slice(start, end));
  if (!match) return;
  const at = start + match.index + (match[1]?.length ?? 0);
  warn(
    file,
    `stray \`${match[2]}\` line kept as text: to nest containers, give the outer one more colons (\`::::tear-off\` around \`:::address\`)`,
    positionAt(source, at),
    'directive-fence',
  );
}

type Handler = NonNullable<NonNullable<ToHastOptions['handlers']>['blockquote']>;

/**
 * For remark-rehype: a container becomes its element (`data.hName`, default
 * div) with its blocks on separate lines, like any other block container.
 */
export const containerDirectiveHandler = (state: Parameters<Handler>[0], node: ContainerDirective): Element => {
  const result: Element = { type: 'element', tagName: 'div', properties: {}, children: state.wrap(state.all(node), true) };
  state.patch(node, result);
  return state.applyData(node, result) as Element;
};
