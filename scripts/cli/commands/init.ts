import * as v from 'valibot';
import type { CommandSchema } from '../schema.ts';

/** `zine init`: one file to write. */
export const INIT_COMMAND = {
  name: 'init',
  summary: 'writes a new source to start from, with every front matter key explained; never over an existing file',
  options: v.strictObject({
    file: v.pipe(
      v.array(v.string()),
      v.minLength(1, 'init needs the file to write, e.g. `zine init source/my-zine.md`'),
      v.maxLength(1, 'init writes one file at a time'),
      v.transform((files) => files[0] as string),
      v.metadata({ positional: true, value: 'FILE.md', text: 'the source to write, e.g. source/my-zine.md' }),
    ),
  }),
} satisfies CommandSchema;

export type InitCommandOptions = v.InferOutput<typeof INIT_COMMAND.options>;
