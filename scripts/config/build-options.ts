import { availableParallelism } from 'node:os';
import * as v from 'valibot';
import { FORMATS, PAPER_SIZES } from './frontmatter.ts';
import { UsageError } from '../util/errors.ts';
import { terminalReporter, type Reporter } from '../util/reporter.ts';

/**
 * What `zine build` takes, from the command line or from code. One schema gives
 * the type, the validation and the defaults; its messages name the option.
 */
export const BuildOptionsSchema = v.strictObject(
  {
    /** Markdown files to build. Default: every `*.md` in `source/`. */
    files: v.optional(v.array(v.string()), []),
    /** Where each document's folder is written. Default: `output`. */
    out: v.optional(v.string(), 'output'),
    /** Paper for every document, over the front matter's `paper`. Default: the front matter's, else letter. */
    paper: v.optional(v.picklist(PAPER_SIZES, `--paper must be one of: ${PAPER_SIZES.join(', ')}`)),
    /** Formats to make, over the front matter's `formats`. Default: every format that fits. */
    formats: v.optional(
      v.array(v.picklist(FORMATS, `--formats takes a comma-separated list of: ${FORMATS.join(', ')}`)),
    ),
    /** Documents laid out at once. Default: the number of cores. */
    concurrency: v.optional(
      v.pipe(v.number(), v.integer(), v.minValue(1, 'concurrency must be a whole number of at least 1')),
      () => availableParallelism(),
    ),
    /** Folder the default file list is read from. Default: `source`. */
    sourceDir: v.optional(v.string(), 'source'),
    /** A stylesheet of the user's own, over the front matter's `style`. Default: the front matter's, else none. */
    style: v.optional(v.string()),
    /** Publish images as they are, with what they say of their maker (GPS position, names, camera). Default: false. */
    keepMetadata: v.optional(v.boolean(), false),
    /** Points the reading edition's pages reach past the trim on every side (`--bleed`), over the front matter's `bleed`. Default: the front matter's, else none. */
    bleed: v.optional(v.pipe(v.number(), v.minValue(0, '--bleed must be a length of 0 or more'))),
    /** Printer's marks on the reading edition's pages, outside the trim (`--marks crop`). Default: none. */
    marks: v.optional(v.picklist(['crop'], '--marks takes crop')),
    /** Make the flip-book of the two `files` (`--flip-book`), the second read from the back cover. Default: false. */
    flipBook: v.optional(v.boolean(), false),
    /**
     * Write the gallery, output/index.html, and each document's thumbnails (`false` for tests that read
     * only the PDFs: no page pictured nor drawn). Default: true.
     */
    gallery: v.optional(v.boolean(), true),
    /** Print a line per document and format as it is made. Default: true. */
    progress: v.optional(v.boolean(), true),
    /** Where the warnings go. Default: the terminal (stderr). */
    reporter: v.optional(
      v.custom<Reporter>((value) => typeof (value as Partial<Reporter> | null)?.warn === 'function', 'reporter must have a warn(line) method'),
      () => terminalReporter,
    ),
  },
  (issue) => `unknown build option ${String(issue.input)}`,
);

export type BuildOptions = v.InferInput<typeof BuildOptionsSchema>;
export type BuildSettings = v.InferOutput<typeof BuildOptionsSchema>;

/** Validates and fills in the defaults; a bad option is a usage error naming it. */
export function resolveBuildOptions(options: BuildOptions): BuildSettings {
  const result = v.safeParse(BuildOptionsSchema, options);
  if (!result.success) throw new UsageError(result.issues.map((issue) => issue.message).join('; '));
  return result.output;
}
