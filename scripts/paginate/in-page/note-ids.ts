/**
 * Paged.js names each note after a random UUID, and Chromium turns the call's
 * link into a named destination: number them instead, so builds are reproducible.
 * A note continued on later pages keeps one number: its parts share a `data-ref`.
 */
export function stableNoteIds(): void {
  const numbers = new Map<string, number>();
  for (const note of document.querySelectorAll<HTMLElement>('.pagedjs_pages [data-footnote-marker]')) {
    const ref = note.dataset.ref ?? note.id;
    const continued = numbers.has(ref);
    const number = numbers.get(ref) ?? numbers.size + 1;
    numbers.set(ref, number);
    const id = continued ? `note-${number}-continued-${note.dataset.part ?? '2'}` : `note-${number}`;
    if (!continued) {
      for (const call of document.querySelectorAll(`a[href="#${note.id}"]`)) call.setAttribute('href', `#${id}`);
    }
    note.id = id;
  }
}
