import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { moveNotesToEnd } from '../../scripts/web/notes.ts';

describe('notes on the web page', () => {
  it('turns each note into a call linked to its note, and each note links back to its call', () => {
    const tree = fromHtml(
      '<main><p>One<span class="footnote fn-1" data-mark="*"><strong>A</strong>: first.</span> two<span class="footnote fn-2" data-mark="**">second.</span></p></main>',
      { fragment: true },
    );
    const notes = moveNotesToEnd(tree);
    const text = toHtml(tree);
    expect(text).toBe(
      '<main><p>One<sup><a href="#note-1" id="call-1" role="doc-noteref" class="note-call">*</a></sup> two<sup><a href="#note-2" id="call-2" role="doc-noteref" class="note-call">**</a></sup></p></main>',
    );
    expect(notes && toHtml(notes)).toBe(
      '<section class="notes" role="doc-endnotes" aria-labelledby="notes-heading"><h2 id="notes-heading">Notes</h2><ul>' +
        '<li id="note-1"><a href="#call-1" role="doc-backlink" aria-label="Back to the text" class="note-mark">*</a> <strong>A</strong>: first.</li>' +
        '<li id="note-2"><a href="#call-2" role="doc-backlink" aria-label="Back to the text" class="note-mark">**</a> second.</li></ul></section>',
    );
  });

  it('makes no notes section for a text without notes', () => {
    const tree = fromHtml('<p>No notes.</p>', { fragment: true });
    expect(moveNotesToEnd(tree)).toBeUndefined();
    expect(toHtml(tree)).toBe('<p>No notes.</p>');
  });
});
