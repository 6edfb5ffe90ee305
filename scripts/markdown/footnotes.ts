/**
 * GFM footnotes set the GCPM way: each note's text goes inline, right where
 * it is called, as `<span class="footnote">`; CSS `float: footnote` (Paged.js)
 * moves it to the foot of the page and draws the call and the marker. The
 * definitions leave the flow.
 *
 * - The span carries `data-mark` ("*", "**", "***", then "4", … for footnotes: stars; "1",
 *   "2", … for numbers) and a class `fn-N`. Paged.js copies the note's classes
 *   (not its data attributes) onto the call it creates, so CSS can draw stars:
 *   `.fn-2::footnote-call { content: "**" }`, `[data-mark]::footnote-marker {
 *   content: attr(data-mark) }`.
 * - A note is printed once. A second call of the same note becomes
 *   `<sup class="footnote-ref" data-mark="*">*</sup>`: the mark as text, no
 *   link (in print a link goes nowhere, and Paged.js renames the note's id).
 * - A heading whose section held nothing but footnote definitions ("##
 *   Definitions") would be left empty once they move to the page foot, so it
 *   is dropped too (unless it calls a note itself). Its section ends at the
 *   next heading of the same or a higher level, at a container (the tear-off
 *   card) or at the end.
 * - `[^x]` with no definition stays as literal text (GFM does not parse it as
 *   a call) and gets a warning; a definition never called gets a warning and
 *   is left out. Neither stops the build.
 * - Notes are inline, so only paragraphs fit in a definition: several
 *   paragraphs are joined with line breaks; any other block (list, code…)
 *   is kept as its plain text, with a warning.
 */
import type { FootnoteDefinition, Nodes, Parents, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { InlineNote, InlineNoteRef } from './data.ts';
import { positionAt, warn } from './messages.ts';

export function remarkInlineFootnotes() {
  return (tree: Root, file: VFile): void => {
    const style = file.data.footnoteStyle ?? 'stars';
    // As the print's counter style draws them (styles/footnotes.css): *, ** and ***, then numbers.
    // Note n as n stars would also make HTML that grows with the square of the notes.
    const mark = (n: number) => (style === 'stars' && n <= 3 ? '*'.repeat(n) : String(n));

    const definitions = new Map<string, FootnoteDefinition>();
    visit(tree, 'footnoteDefinition', (node) => {
      const first = definitions.get(node.identifier);
      if (first) {
        warn(file, `footnote \`[^${node.label ?? node.identifier}]\` is defined twice; the first definition (line ${first.position?.start.line ?? '?'}) is used`, node.position, 'footnote-duplicate');
      } else {
        definitions.set(node.identifier, node);
      }
      return SKIP;
    });

    dropDefinitionOnlyHeadings(tree);

    const numbers = new Map<string, number>();
    visit(tree, (node, index, parent) => {
      if (node.type === 'footnoteDefinition') return SKIP;
      if (node.type === 'text') warnUndefinedCalls(node, file);
      if (node.type !== 'footnoteReference' || !parent || index === undefined) return;
      const definition = definitions.get(node.identifier);
      if (!definition) return; // GFM only makes calls for defined notes; kept for safety.
      const known = numbers.get(node.identifier);
      const n = known ?? numbers.size + 1;
      numbers.set(node.identifier, n);
      const replacement: InlineNote | InlineNoteRef =
        known === undefined
          ? {
              type: 'inlineNote',
              data: { hName: 'span', hProperties: { className: ['footnote', `fn-${n}`], dataMark: mark(n) } },
              children: inlineContent(definition, file),
            }
          : {
              type: 'inlineNoteRef',
              data: { hName: 'sup', hProperties: { className: ['footnote-ref'], dataMark: mark(n) } },
              children: [{ type: 'text', value: mark(n) }],
            };
      if (node.position) replacement.position = node.position;
      parent.children.splice(index, 1, replacement);
      return [SKIP, index + 1];
    });

    for (const [identifier, definition] of definitions) {
      if (!numbers.has(identifier)) {
        warn(file, `footnote \`[^${definition.label ?? identifier}]\` is never referenced; it was left out`, definition.position, 'footnote-unused');
      }
    }
    removeDefinitions(tree);
  };
}

/** The definition's content as phrasing, to sit inside a `<span>`. */
function inlineContent(definition: FootnoteDefinition, file: VFile): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const block of definition.children) {
    if (out.length > 0) out.push({ type: 'break' });
    if (block.type === 'paragraph') {
      out.push(...structuredClone(block.children));
    } else {
      warn(file, `footnote \`[^${definition.label ?? definition.identifier}]\`: a ${block.type} cannot be set inline; only its text is kept`, block.position, 'footnote-block');
      out.push({ type: 'text', value: toString(block) });
    }
  }
  // A call inside a note cannot be set (notes do not nest).
  return out.filter((phrase) => phrase.type !== 'footnoteReference');
}

function dropDefinitionOnlyHeadings(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node) || node.type === 'footnoteDefinition') return;
    const children = (node as Parents).children as RootContent[];
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const heading = children[index];
      if (heading?.type !== 'heading') continue;
      let end = index + 1;
      while (children[end]?.type === 'footnoteDefinition') end += 1;
      const next = children[end];
      const closes = next === undefined || (next.type === 'heading' && next.depth <= heading.depth) || next.type === 'containerDirective';
      let calls = false;
      visit(heading, 'footnoteReference', () => {
        calls = true;
      });
      if (end > index + 1 && closes && !calls) children.splice(index, 1);
    }
  });
}

function removeDefinitions(tree: Root): void {
  visit(tree, 'footnoteDefinition', (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index];
  });
}

const UNDEFINED_CALL = /\[\^([^\]\s]+)\]/g;

/** `[^x]` left as text means the note has no definition. */
function warnUndefinedCalls(node: Extract<Nodes, { type: 'text' }>, file: VFile): void {
  if (!node.value.includes('[^')) return;
  const source = String(file.value);
  const start = node.position?.start.offset;
  const written = start === undefined ? node.value : source.slice(start, node.position?.end.offset);
  for (const match of written.matchAll(UNDEFINED_CALL)) {
    const place = start === undefined ? node.position : positionAt(source, start + match.index);
    warn(file, `footnote reference \`[^${match[1]}]\` has no definition; it is printed as written`, place, 'footnote-undefined');
  }
}
