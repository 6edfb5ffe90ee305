/**
 * The build's last step before the gallery's page: every flip-book the build
 * was asked for (flip-book.ts flipPairs), each from two documents in place.
 * A text that only a flip-with names is built first; a flip-book whose text
 * failed is not made (that failure is reported already); one that fails is
 * reported as its first document's failure, the others stand.
 */
import { join, resolve } from 'node:path';
import type { BuildRow } from '../build/row.ts';
import type { BuildSettings } from '../config/build-options.ts';
import type { Gallery } from '../gallery/build-gallery.ts';
import { terminal } from '../cli/terminal.ts';
import { ContentError, ZineError } from '../util/errors.ts';
import { FLIP_BOOK_FILE, flipPairs, makeFlipBook, type FlipText } from './flip-book.ts';

export interface FlipBooksOptions {
  settings: BuildSettings;
  /** The documents built, by source. */
  built: ReadonlyMap<string, FlipText>;
  /** The build's gallery, which shows each flip-book in its first text's entry. */
  gallery: Gallery;
  /** The sources the build was given or found. */
  sources: readonly string[];
  /** The build's rows and failures, added to here. */
  rows: BuildRow[];
  failures: { source: string; error: unknown }[];
  /** Builds one more document (its rows, or a failure thrown). */
  build: (source: string) => Promise<BuildRow[]>;
}

export async function flipBooks(options: FlipBooksOptions): Promise<void> {
  const { settings, built, gallery, sources, rows, failures } = options;
  let pairs: [string, string][];
  try {
    pairs = flipPairs({ flipBook: settings.flipBook, files: settings.files, built });
  } catch (error) {
    failures.push({ source: sources[0] ?? '', error });
    return;
  }
  const tried = (source: string) => [...sources, ...failures.map((failure) => failure.source)].some((each) => resolve(each) === resolve(source));
  const find = (source: string) => [...built].find(([each]) => resolve(each) === resolve(source))?.[1];
  for (const [first, second] of pairs) {
    if (find(second) !== undefined || tried(second)) continue;
    try {
      rows.push(...(await options.build(second)));
    } catch (error) {
      // Only flip-with names a text the build was not given: the message points there.
      const at = find(first)?.flipWithAt ?? first;
      const reason = error instanceof Error ? error.message : String(error);
      failures.push({ source: second, error: error instanceof ZineError ? new ContentError(`${at}: flip-with: ${second} cannot be built: ${reason}`, { cause: error }) : error });
    }
  }
  for (const [firstSource, secondSource] of pairs) {
    const first = find(firstSource);
    const second = find(secondSource);
    if (first === undefined || second === undefined) continue;
    const started = performance.now();
    if (first.document.paper !== second.document.paper) {
      settings.reporter.warn(`${second.source}: its paper is ${second.document.paper}, the flip-book's ${first.document.paper} (${first.source}'s): its pages are scaled to fit the flip-book's`);
    }
    try {
      const flipBook = await makeFlipBook(first, second);
      await gallery.addFlipBook({ first, second, flipBook });
      const seconds = (performance.now() - started) / 1000;
      if (settings.progress) terminal.progress(`${first.name}: flip-book → ${FLIP_BOOK_FILE}, ${flipBook.pages} pages (${seconds.toFixed(1)} s)`);
      rows.push({ document: first.name, format: 'booklet', pages: flipBook.pages, sheets: flipBook.sheets, file: join(settings.out, first.name, FLIP_BOOK_FILE), seconds, note: flipBook.note, privacy: [] });
    } catch (error) {
      failures.push({ source: `${first.source} (its flip-book)`, error });
    }
  }
}
