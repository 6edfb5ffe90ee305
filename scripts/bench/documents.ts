/**
 * The documents a bench lays out: the essay, and the essay repeated to make a
 * book of about 30 and of about 120 pages, the way the long-document tests
 * make theirs (test/helpers/documents.ts): each copy under a heading of its
 * own, its notes renamed, one tear-off card in all.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One document of the bench. */
export interface BenchDocument {
  /** A short name, also the file's: `essay`, `essay-x5`, … */
  key: string;
  /** How the table names it. */
  label: string;
  /** Its markdown file, written by `writeDocuments`. */
  markdown: string;
}

/** The essay's text repeated `times` times; the essay itself, unchanged, for 1. */
export function essayRepeated(essay: string, times: number): string {
  if (times === 1) return essay;
  const body = essay.replace(/^---\n[\s\S]*?\n---\n/, '');
  // One tear-off card per zine: the first copy keeps it, the others drop theirs.
  const withoutCard = body.replace(/^::::tear-off[\s\S]*?^::::\s*$/m, '');
  const copies = Array.from({ length: times }, (_, i) => {
    const text = i === 0 ? body : withoutCard;
    return `## Part ${i + 1}\n\n${text.replace(/\[\^([^\]]+)\]/g, `[^$1-${i}]`)}`;
  });
  return `---\ntitle: The essay, repeated\n---\n\n${copies.join('\n\n')}\n`;
}

export interface DocumentsOptions {
  /** The essay's markdown file. */
  essay: string;
  /** Folder the documents are written into. */
  dir: string;
  /** How many copies of the essay each document holds. Default [1, 5, 20]. */
  copies?: readonly number[];
}

/** Writes one markdown file per entry of `copies` and says what they are. */
export function writeDocuments(options: DocumentsOptions): BenchDocument[] {
  const { essay, dir, copies = [1, 5, 20] } = options;
  const text = readFileSync(essay, 'utf8');
  mkdirSync(dir, { recursive: true });
  return copies.map((times) => {
    const key = times === 1 ? 'essay' : `essay-x${times}`;
    const markdown = join(dir, `${key}.md`);
    writeFileSync(markdown, essayRepeated(text, times));
    return { key, label: times === 1 ? 'essay' : `essay ×${times}`, markdown };
  });
}
