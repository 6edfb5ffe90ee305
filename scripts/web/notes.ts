/**
 * Footnotes for the screen. In print a note is a `span.footnote` at its call,
 * floated to the foot of the page; a web page has no page foot, so each note
 * becomes a linked call (its mark: *, ** or a number, as in print) and the
 * notes are gathered in a list after the text, each with a link back to its
 * call (DPUB-ARIA roles doc-noteref, doc-endnotes, doc-backlink).
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';

export interface WebNotesOptions {
  /** The heading over the notes. Default: "Notes". */
  heading?: string;
  /** The back link's accessible name. Default: "Back to the text". */
  back?: string;
}

function isNote(node: Element): boolean {
  const value = node.properties.className;
  return node.tagName === 'span' && Array.isArray(value) && value.includes('footnote');
}

/**
 * Replaces every note in `tree` by its call and returns the notes' section
 * (undefined when there is none). Ids are `note-N` and `call-N`, N counting
 * from 1 in reading order.
 */
export function moveNotesToEnd(tree: Root, options: WebNotesOptions = {}): Element | undefined {
  const { heading = 'Notes', back = 'Back to the text' } = options;
  const items: Element[] = [];
  visit(tree, 'element', (node, index, parent) => {
    if (!isNote(node) || parent === undefined || index === undefined) return;
    const n = items.length + 1;
    const mark = String(node.properties.dataMark ?? n);
    const call = h('a', { href: `#note-${n}`, id: `call-${n}`, role: 'doc-noteref', className: ['note-call'] }, mark);
    parent.children.splice(index, 1, h('sup', [call]));
    const backLink = h('a', { href: `#call-${n}`, role: 'doc-backlink', ariaLabel: back, className: ['note-mark'] }, mark);
    items.push(h('li', { id: `note-${n}` }, [backLink, ' ', ...(node.children as ElementContent[])]));
    return index + 1;
  });
  if (items.length === 0) return undefined;
  return h('section', { className: ['notes'], role: 'doc-endnotes', ariaLabelledBy: 'notes-heading' }, [
    h('h2', { id: 'notes-heading' }, heading),
    h('ul', items),
  ]);
}
