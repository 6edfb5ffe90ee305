import * as v from 'valibot';
import { PAPER_SIZES } from '../../config/frontmatter.ts';
import type { CommandSchema } from '../schema.ts';

/** `zine preview`: one source, a port, a paper. */
export const PREVIEW_COMMAND = {
  name: 'preview',
  summary: 'serves a live preview of one source on 127.0.0.1, laid out again at every save; Ctrl-C stops it',
  options: v.strictObject({
    file: v.pipe(
      v.array(v.string()),
      v.maxLength(1, 'preview shows one file at a time'),
      v.transform((files) => files[0]),
      v.metadata({ positional: true, value: '[FILE.md]', text: 'the source to show (default: the most recently saved source/*.md)' }),
    ),
    port: v.pipe(
      v.optional(
        v.pipe(
          v.string(),
          v.regex(/^\d{1,5}$/, '--port must be a whole number from 0 to 65535'),
          v.transform(Number),
          v.maxValue(65535, '--port must be a whole number from 0 to 65535'),
        ),
        '8040',
      ),
      v.metadata({ value: 'N', text: 'the port to serve on (default: 8040)' }),
    ),
    style: v.pipe(
      v.optional(v.string()),
      v.metadata({ value: 'FILE.css', text: "a stylesheet of your own, applied after Zinepress's (default: the front matter's style)" }),
    ),
    paper: v.pipe(
      v.optional(v.picklist(PAPER_SIZES, (issue) => `unknown --paper '${String(issue.input)}': use ${PAPER_SIZES.join(' or ')}`)),
      v.metadata({ text: "paper, over the front matter's (default: the front matter's, else letter)" }),
    ),
  }),
} satisfies CommandSchema;

export type PreviewCommandOptions = v.InferOutput<typeof PREVIEW_COMMAND.options>;
