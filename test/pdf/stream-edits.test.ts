/**
 * A stream's operations after edits, made from those read before: the same
 * operations, at the same offsets, as reading the edited stream whole, for
 * edits of whole operations (kept) and for any other (read anew).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operations, replaceSpans, type Edit } from '../../scripts/pdf/content-stream.ts';
import { editStream } from '../../scripts/pdf/stream-edits.ts';

const LINE = 'BT\n/F1 12 Tf\n1 0 0 -1 72 700 Tm\n<0015> Tj\n5.56 0 Td\n<0009> Tj\n/Span<</ActualText <FEFF00AD>>> BDC\n<0001> Tj\nEMC\nET';

const TOKENS = ['BT', 'ET', '/F1 12 Tf', '1 0 0 -1 72 700 Tm', '5.56 0 Td', '<0009> Tj', '[<0015> 3.2 <0009>] TJ', '/Span<</ActualText <FEFF00AD>>> BDC', 'EMC', 'q', 'Q', '(a\\)b) Tj', '% note', '2', 'Tj'];
const stream = fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom('\n', ' ', '')), { maxLength: 30 }).map((parts) => parts.map(([token, gap]) => token + gap).join(''));
const editText = fc.oneof(fc.constant(''), fc.constantFrom(...TOKENS), fc.constantFrom('\n5.2 0 Td', '[<0001>] TJ\n', '5', '%x', ' ', 'Q\n'));

/** Edits of `text`, none overlapping: each from one place to another, at an operation's edge or anywhere. */
function editsOf(text: string, places: number[], texts: string[]): Edit[] {
  const edges = (operations(text) ?? []).flatMap((op) => [op.start, op.end]);
  const at = places.map((place, index) => (index % 2 === 0 && edges.length > 0 ? (edges[place % edges.length] as number) : place % (text.length + 1))).sort((a, b) => a - b);
  const edits: Edit[] = [];
  for (let index = 0; index + 1 < at.length; index += 2) edits.push({ start: at[index] as number, end: at[index + 1] as number, text: texts[index / 2] ?? '' });
  return edits;
}

describe('editStream', () => {
  it('keeps the operations around an edit of whole operations, moved by the text it adds', () => {
    const ops = operations(LINE) ?? [];
    const shown = ops.find((op) => op.operator === 'Tj') ?? ops[0];
    const edited = editStream(LINE, ops, [{ start: shown?.start ?? 0, end: shown?.end ?? 0, text: '[<0015> -20 <0009>] TJ' }]);
    expect(edited.text).toBe(replaceSpans(LINE, [{ start: shown?.start ?? 0, end: shown?.end ?? 0, text: '[<0015> -20 <0009>] TJ' }]));
    expect(edited.ops).toEqual(operations(edited.text));
    expect(edited.ops?.map((op) => op.operator)).toEqual(['BT', 'Tf', 'Tm', 'TJ', 'Td', 'Tj', 'BDC', 'Tj', 'EMC', 'ET']);
    // The operations after it are the ones read before, at their new place.
    expect(edited.ops?.[4]?.operands).toBe(ops[4]?.operands);
  });

  it('gives what reading the edited stream whole gives, for any edits', () => {
    fc.assert(
      fc.property(stream, fc.array(fc.nat(400), { maxLength: 8 }), fc.array(editText, { maxLength: 4 }), (text, places, texts) => {
        const ops = operations(text);
        fc.pre(ops !== undefined);
        const edits = editsOf(text, places, texts);
        const edited = editStream(text, ops ?? [], edits);
        expect(edited.text).toBe(replaceSpans(text, edits));
        expect(edited.ops).toEqual(operations(edited.text));
      }),
      { numRuns: 2000 },
    );
  });
});
