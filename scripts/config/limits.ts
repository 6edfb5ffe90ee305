/**
 * The bounds on what Zinepress takes in, in one place (README.md, "Limits",
 * lists them for users). Each keeps one input from running for ever or
 * filling the memory; each is far above a real zine.
 */

/** Bytes a markdown source may hold: it is read whole. */
export const SOURCE_BYTES = 8_000_000;

/**
 * Characters of markdown a document may have to be laid out: about 1,000
 * pages. Measured on a loaded two-core machine: 2.4 million characters made
 * 1,172 pages in 97 s, and the time grows faster than the text.
 */
export const LAYOUT_CHARACTERS = 2_000_000;

/**
 * Milliseconds the browser may take to start and answer (it takes under a
 * second, a few on a loaded machine): one that never answers is stopped then.
 */
export const BROWSER_START_LIMIT = 30_000;

/** Milliseconds any layout may take, however long the document (see paginate.ts layoutTimeLimit). */
export const LAYOUT_TIME_CAP = 10 * 60_000;

/**
 * Milliseconds the markdown stage may take for one document, in a worker
 * (markdown/worker.ts): the essay takes a fraction of a second, 3,000 notes in
 * one paragraph (60 KB) 5 s, 10,000 (200 KB) 25 s.
 */
export const MARKDOWN_TIME_LIMIT = 60_000;

/** Bytes a PDF given to `zine impose` may hold: it is read whole, and pdf-lib holds it several times over. */
export const IMPOSE_BYTES = 200_000_000;

/** How deep blocks (block quotes, lists, directives) and inline marks (emphasis, links) may nest. */
export const NESTING_LIMIT = 100;

/** The longest run of one emphasis character (`*` or `_`) a line may hold. */
export const EMPHASIS_RUN_LIMIT = 100;

/** Bytes of a `url:` the QR code can hold: version 40 (177 modules a side) at medium error correction, in byte mode. */
export const QR_BYTES = 2331;
