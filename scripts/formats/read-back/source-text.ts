/**
 * What a printed layout must hold, from the document's HTML tree: the running
 * text of the essay and the card as two streams (the body, and the notes,
 * which print at the foot of the pages), each block with its place in the
 * markdown, and the images of the text in order. Matching compares letters
 * only (lower-cased, compatibility forms folded: a ligature reads as its
 * letters), so spacing, punctuation, note calls and folios never get in the
 * way; the original text around each letter says whether a line may end
 * there.
 */
import type { Element, ElementContent, Root } from 'hast';

/** A run of one block's text in a stream (a block cut by a nested block makes two runs). */
export interface Run {
  /** `line:column` in the markdown. */
  place: string;
  /** Index of its first letter in `letters`, and one past its last. */
  start: number;
  end: number;
}

export interface Stream {
  /** The text as written (soft hyphens kept, spaces collapsed), runs joined by a newline. */
  raw: string;
  /** Its letters, folded for matching. */
  letters: string;
  /** For each letter, its index in `raw`. */
  at: number[];
  runs: Run[];
}

export interface SourceImage {
  src: string;
  place: string;
}

export interface SourceText {
  body: Stream;
  notes: Stream;
  images: SourceImage[];
}

const LETTER = /[\p{L}\p{M}]/u;
const SKIPPED = new Set(['script', 'style', 'template']);

const classes = (element: Element): string[] => {
  const name = element.properties['className'];
  return Array.isArray(name) ? name.map(String) : [];
};

class StreamWriter {
  stream: Stream = { raw: '', letters: '', at: [], runs: [] };
  private place: string | undefined;

  add(text: string, place: string): void {
    const { stream } = this;
    if (place !== this.place) {
      if (stream.raw !== '') stream.raw += '\n';
      stream.runs.push({ place, start: stream.letters.length, end: stream.letters.length });
      this.place = place;
    }
    for (const char of text.replace(/\s+/g, ' ')) {
      const index = stream.raw.length;
      stream.raw += char;
      for (const folded of char.normalize('NFKC').toLowerCase()) {
        if (!LETTER.test(folded)) continue;
        stream.letters += folded;
        stream.at.push(index);
      }
    }
    const run = stream.runs.at(-1);
    if (run !== undefined) run.end = stream.letters.length;
  }

  /** The next text starts a run of its own (a note after a note of the same paragraph). */
  cut(): void {
    this.place = undefined;
  }

  /** A hard line break: the line may end here. */
  breakLine(): void {
    this.stream.raw += '\n';
  }
}

/** The streams and images of the essay (`main.essay`) and the card's front, in document order. */
export function sourceText(tree: Root): SourceText {
  const body = new StreamWriter();
  const notes = new StreamWriter();
  const images: SourceImage[] = [];
  const walk = (node: ElementContent, place: string, inNote: boolean): void => {
    if (node.type === 'text') {
      (inNote ? notes : body).add(node.value, place);
      return;
    }
    if (node.type !== 'element' || SKIPPED.has(node.tagName)) return;
    const own = node.properties['dataSource'];
    const here = typeof own === 'string' ? own : place;
    const note = inNote || classes(node).includes('footnote');
    if (note && !inNote) notes.cut();
    if (node.tagName === 'br') (note ? notes : body).breakLine();
    if (node.tagName === 'img' && typeof node.properties['src'] === 'string') {
      const start = node.position?.start;
      images.push({ src: node.properties['src'], place: start === undefined ? here : `${start.line}:${start.column}` });
    }
    for (const child of node.children) walk(child, here, note);
  };
  for (const section of tree.children) {
    if (section.type !== 'element') continue;
    const names = classes(section);
    const isText = (section.tagName === 'main' && names.includes('essay')) || names.includes('card-front');
    if (isText) for (const child of section.children) walk(child, '1:1', false);
  }
  return { body: body.stream, notes: notes.stream, images };
}
