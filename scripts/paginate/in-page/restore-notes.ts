/**
 * Puts every note called in the page's text into its notes area, in the
 * order of the calls, after the parts continued from the page before.
 * Paged.js drops the note of a call it finds past the foot of the column
 * (to set it on the next page), but once the notes area is sized again the
 * call's line may be back on the page: its note is set again from the source.
 */
export function restoreNotes(content: HTMLElement, inner: HTMLElement, source: DocumentFragment): void {
  let previous = [...inner.querySelectorAll(':scope > [data-split-from]')].at(-1);
  for (const call of content.querySelectorAll('[data-footnote-call]')) {
    const ref = call.getAttribute('data-footnote-call') ?? '';
    const selector = `[data-ref="${CSS.escape(ref)}"]`;
    let note = inner.querySelector(`:scope > ${selector}:not([data-split-from])`);
    if (!note) {
      const original = source.querySelector(selector);
      if (!(original instanceof HTMLElement)) continue;
      const copy = original.cloneNode(true) as HTMLElement;
      copy.removeAttribute('data-break-before');
      copy.dataset.footnoteMarker = ref;
      copy.id = `note-${ref}`;
      note = copy;
    }
    if (previous) previous.after(note);
    else inner.prepend(note);
    previous = note;
  }
}
