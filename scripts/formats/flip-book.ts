/**
 * The flip-book of two documents built side by side (`zine build a.md b.md
 * --flip-book`, or `flip-with: b.md` in a.md): their reading editions, each
 * laid out and checked as it is printed alone (its cover, notes, card leaf,
 * colophon), imposed into one booklet (impose/plan-flip-book.ts), the first
 * read from the front cover, the second from the back. It is written into
 * the first document's folder as flip-book.pdf, once both are in place.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { ResolvedDocument } from '../config/document.ts';
import type { Binding } from '../impose/plan.ts';
import { ContentError, FileError } from '../util/errors.ts';
import { openStage } from '../util/stage.ts';

export const FLIP_BOOK_FILE = 'flip-book.pdf';

/** One of the two texts, as the build made it. */
export interface FlipText {
  /** Its output folder's name. */
  name: string;
  /** The markdown file, as the user named it. */
  source: string;
  /** Its output folder, where its reading edition now is. */
  dir: string;
  document: ResolvedDocument;
  /** Where its `flip-with` is written, `source:line:col` (its source alone when unknown). Default: the source. */
  flipWithAt?: string;
}

export interface FlipBook {
  pdf: Uint8Array;
  pages: number;
  sheets: number;
  /** The second text is printed upside down (both read one way). */
  turned: boolean;
  /** For the build's table: which text is read from which cover. */
  note: string;
}

/**
 * Two texts of one direction share the spine's edge seen from their covers:
 * the second is printed upside down. Of two directions, the second is printed
 * upright and read from the back cover as its front, the spine then on the
 * other edge, as its direction wants (docs/imposition.md, The flip-book).
 */
export function flipBinding(first: ResolvedDocument, second: ResolvedDocument): { binding: Binding; turnSecond: boolean } {
  return { binding: first.binding, turnSecond: first.direction === second.direction };
}

/** Imposes the two reading editions and writes flip-book.pdf into the first's folder. */
export async function makeFlipBook(first: FlipText, second: FlipText): Promise<FlipBook> {
  const [a, b] = await Promise.all([readingOf(first, second), readingOf(second, first)]);
  const { binding, turnSecond } = flipBinding(first.document, second.document);
  // Loaded here, like the other imposed formats' pdf-lib (pdf-stages.ts).
  const { imposeFlipBook } = await import('../impose/flip-book.ts');
  const { pdf, plan } = await imposeFlipBook({
    first: { pdf: a, name: join(first.dir, 'reading.pdf') },
    second: { pdf: b, name: join(second.dir, 'reading.pdf') },
    paper: first.document.paper,
    binding,
    turnSecond,
  });
  const stage = await openStage(first.dir);
  try {
    await stage.write(FLIP_BOOK_FILE, pdf);
    await stage.commit();
  } catch (error) {
    await stage.discard();
    throw error;
  }
  const how = turnSecond ? 'upside down' : `upright, bound on the ${binding === 'left' ? 'right' : 'left'}`;
  const blanks = plan.paddedCount - plan.pageCount;
  return {
    pdf,
    pages: plan.paddedCount,
    sheets: plan.sheets.length,
    turned: turnSecond,
    note: `flip-book: ${first.name} from the front cover, ${second.name} from the back (${how}), ${blanks} blank ${blanks === 1 ? 'page' : 'pages'} between`,
  };
}

async function readingOf(text: FlipText, partner: FlipText): Promise<Uint8Array> {
  const path = join(text.dir, 'reading.pdf');
  return readFile(path).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new ContentError(`${text.source}: the flip-book with ${partner.source} is made from both reading editions, and this build made none of it: leave reading in its formats`);
    }
    throw new FileError(path, 'read', error);
  });
}

/**
 * Which documents make a flip-book with which: `--flip-book` pairs the two
 * files given, `flip-with:` a source with the one it names (a path from its
 * own folder). Keys and values are paths as given or joined; `sameFile`
 * compares them. A source's own `flip-with` gives way to `--flip-book`.
 */
export function flipPairs(options: { flipBook: boolean; files: readonly string[]; built: ReadonlyMap<string, FlipText> }): [string, string][] {
  const pairs = new Map<string, string>();
  const [a, b] = options.files;
  if (options.flipBook && a !== undefined && b !== undefined) pairs.set(resolve(a), b);
  for (const [source, text] of options.built) {
    const other = text.document.frontMatter['flip-with'];
    if (other === undefined || pairs.has(resolve(source))) continue;
    if (resolve(dirname(source), other) === resolve(source)) {
      throw new ContentError(`${source}: flip-with names this file itself; name the other text's source, like other-language.md`);
    }
    pairs.set(resolve(source), join(dirname(source), other));
  }
  return [...pairs].map(([first, second]) => [[...options.built.keys(), ...options.files].find((source) => resolve(source) === first) ?? first, second]);
}
