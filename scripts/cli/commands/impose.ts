import * as v from 'valibot';
import { PAPERS } from '../../impose/paper.ts';
import { BINDINGS, DUPLEXES, LAYOUTS } from '../../impose/plan.ts';
import type { CommandSchema } from '../schema.ts';
import { lengthOption, oneOf } from '../values.ts';

/**
 * `zine impose`: the keys other than `input` and `output` are the plan's
 * ImposeOptions as they are, so an option is one entry here and its use in
 * the plan.
 */
export const IMPOSE_COMMAND = {
  name: 'impose',
  summary: 'imposes any PDF into printable sheets; an existing OUT.pdf is replaced only when the new one is whole',
  options: v.strictObject({
    input: v.pipe(
      v.array(v.string()),
      v.minLength(1, 'impose needs an input PDF (see zine impose --help)'),
      v.maxLength(1, (issue) => `impose takes one input PDF, not ${issue.input.length}: ${issue.input.join(' ')}`),
      v.transform((inputs) => inputs[0] as string),
      v.metadata({ positional: true, value: 'IN.pdf', text: 'the PDF to impose' }),
    ),
    layout: v.pipe(
      v.picklist(LAYOUTS, oneOf('--layout', LAYOUTS)),
      v.metadata({
        missing: 'impose needs --layout booklet or --layout mini',
        text: 'booklet: saddle stitch, two pages a side, fold and staple; mini: the 8-page zine on one side of one sheet; mini16: the 16-page zine on both sides of one sheet, cut in four; slips: a 2-page card (front, back), four to a portrait sheet',
      }),
    ),
    paper: v.pipe(v.optional(v.picklist(PAPERS, oneOf('--paper', PAPERS))), v.metadata({ text: 'landscape, portrait for slips (default: letter)' })),
    duplex: v.pipe(
      v.optional(v.picklist(DUPLEXES, oneOf('--duplex', DUPLEXES))),
      v.metadata({ text: 'booklet and mini16: short (default) for printers that flip on the short edge, long to turn every back side 180°' }),
    ),
    binding: v.pipe(
      v.optional(v.picklist(BINDINGS, oneOf('--binding', BINDINGS))),
      v.metadata({
        text: 'booklet and mini: the spine\'s edge, seen from the front cover: left (default), or right for a right-to-left script (Arabic, Hebrew, …), read from the other end',
      }),
    ),
    keepLast: v.pipe(
      v.optional(
        v.pipe(
          v.string(),
          v.regex(/^\d+$/, (issue) => `--keep-last takes a whole number of pages, not '${String(issue.input)}'`),
          v.transform(Number),
        ),
      ),
      v.metadata({ value: 'N', text: 'keep the last N pages at the end, blanks before them (default: 0)' }),
    ),
    signature: v.pipe(
      v.optional(
        v.pipe(
          v.string(),
          v.regex(/^[1-9]\d*$/, (issue) => `--signature takes a whole number of sheets of at least 1, not '${String(issue.input)}'`),
          v.transform(Number),
        ),
      ),
      v.metadata({ value: 'N', text: 'booklet: fold in signatures of N sheets (4N pages) each, the last taking what remains (default: one signature)' }),
    ),
    creep: v.pipe(
      lengthOption('--creep'),
      v.metadata({ value: 'LENGTH', text: 'booklet: move the pages of inner sheets toward the spine, the innermost of each signature by LENGTH (e.g. 0.5mm; default: 0)' }),
    ),
    output: v.pipe(v.string(), v.metadata({ short: 'o', value: 'OUT.pdf', missing: 'impose needs -o OUT.pdf', text: 'the imposed PDF to write' })),
  }),
} satisfies CommandSchema;

export type ImposeCommandOptions = v.InferOutput<typeof IMPOSE_COMMAND.options>;
