import * as v from 'valibot';
import { FORMATS, PAPER_SIZES } from '../../config/frontmatter.ts';
import { didYouMean } from '../../util/suggest.ts';
import type { CommandSchema } from '../schema.ts';
import { lengthOption, oneOf } from '../values.ts';

/** `zine build`: its options as the command line gives them. */
export const BUILD_COMMAND = {
  name: 'build',
  summary: 'lays out markdown sources into PDFs, one folder per document, and a gallery (index.html) to check them',
  options: v.strictObject({
    files: v.pipe(
      v.optional(v.array(v.string()), []),
      v.metadata({ positional: true, value: '[FILE.md…]', text: 'the sources to build (default: every source/*.md)' }),
    ),
    out: v.pipe(v.optional(v.string()), v.metadata({ short: 'o', value: 'DIR', text: "where each document's folder is written (default: output)" })),
    paper: v.pipe(
      v.optional(v.picklist(PAPER_SIZES, oneOf('--paper', PAPER_SIZES))),
      v.metadata({ text: "paper for every document, over the front matter's (default: the front matter's, else letter)" }),
    ),
    formats: v.pipe(
      v.optional(
        v.pipe(
          v.string(),
          v.transform((list) => list.split(',').map((name) => name.trim())),
          v.array(v.picklist(FORMATS, (issue) => `unknown format '${String(issue.input)}' in --formats${didYouMean(String(issue.input), FORMATS)}; use any of ${FORMATS.join(', ')}`)),
        ),
      ),
      v.metadata({ value: FORMATS.join(','), text: 'the formats to make, over the front matter\'s (default: every format that fits)' }),
    ),
    style: v.pipe(
      v.optional(v.string()),
      v.metadata({ value: 'FILE.css', text: "a stylesheet of your own, applied after Zinepress's in every format (default: the front matter's style)" }),
    ),
    keepMetadata: v.pipe(
      v.optional(v.boolean()),
      v.metadata({ text: 'publish images as they are, with what they say of their maker (GPS position, names, camera)' }),
    ),
    bleed: v.pipe(
      lengthOption('--bleed'),
      v.metadata({ value: 'LENGTH', text: "for a print shop: the reading edition's pages larger by LENGTH on every side, over the front matter's bleed (default: none)" }),
    ),
    flipBook: v.pipe(
      v.optional(v.boolean()),
      v.metadata({ text: "with two FILE.md: one booklet of both, the second read from the back cover, into the first's folder as flip-book.pdf (default: none; or flip-with: in the first's front matter)" }),
    ),
    marks: v.pipe(v.optional(v.picklist(['crop'] as const, oneOf('--marks', ['crop']))), v.metadata({ text: 'crop: crop marks outside the trim, with a bleed (default: none)' })),
  }),
} satisfies CommandSchema;

export type BuildCommandOptions = v.InferOutput<typeof BUILD_COMMAND.options>;
