/**
 * A content stream with edits made, and its operations, without reading the
 * whole stream again: the operations the edits leave are kept (moved by what
 * the edits before them added or took), and only each edit's new text is
 * split into operations. A book's page is thousands of operations, and the
 * text layer's passes (to-unicode.ts) each read the stream another pass left.
 *
 * That gives what `operations` would read in the new text only when each
 * edit replaces whole operations and its text stands apart from what is
 * around it (whitespace on both sides, or in its text), so that no token
 * runs into the next, and neither text holds a comment or operands with no
 * operator at its end (Chromium writes neither); otherwise the new text is
 * read whole.
 */
import { isWhite, operations, replaceSpans, type Edit, type Operation } from './content-stream.ts';

/** Whether text `at` stands apart from what comes before it: the text's start, or whitespace on either side. */
function apart(before: string, at: number, next: string): boolean {
  return at === 0 || isWhite(before.charCodeAt(at - 1)) || next === '' || isWhite(next.charCodeAt(0));
}

/** Whether the text holds no comment, and nothing but whitespace after its last operation (`ops`): operands there would join an operator added after them. */
function plainBetween(text: string, ops: readonly Operation[]): boolean {
  if (text.includes('%')) return false;
  for (let at = ops[ops.length - 1]?.end ?? 0; at < text.length; at += 1) if (!isWhite(text.charCodeAt(at))) return false;
  return true;
}

/** An operation moved by `shift`, with the same fields in the same order as `operations` makes them (one shape for every pass to read). */
const moved = (op: Operation, shift: number): Operation => ({ operator: op.operator, operands: op.operands, start: op.start + shift, end: op.end + shift });

/** The operations of an edit's text (its own, else read), at their place in the new stream; undefined when they would not stand alone. */
function insertedOps({ text, ops }: Edit, offset: number): Operation[] | undefined {
  const read = ops ?? operations(text);
  if (!read || !plainBetween(text, read)) return undefined;
  return read.map((op) => moved(op, offset));
}

/** The operations of `edited`, made from `text`'s (`ops`) and the edits (sorted), or undefined when they must be read anew. */
function keptOps(text: string, ops: readonly Operation[], sorted: readonly Edit[]): Operation[] | undefined {
  if (!plainBetween(text, ops)) return undefined;
  const kept: Operation[] = [];
  let index = 0;
  let shift = 0;
  let from = -1;
  const keep = (upTo: number): void => {
    for (; index < ops.length && (ops[index] as Operation).end <= upTo; index += 1) {
      const op = ops[index] as Operation;
      kept.push(shift === 0 ? op : moved(op, shift));
    }
  };
  for (const edit of sorted) {
    // An edit that meets the one before: its neighbour is that one's text (read anew, rare).
    if (edit.start <= from || edit.end < edit.start) return undefined;
    keep(edit.start);
    // No operation across the edit's start; those inside it go whole.
    const first = ops[index];
    if (first && first.start < edit.start) return undefined;
    for (; index < ops.length && (ops[index] as Operation).start < edit.end; index += 1) if ((ops[index] as Operation).end > edit.end) return undefined;
    // Its text stands apart from the text before it, and from the text after it.
    if (!apart(text, edit.start, edit.text)) return undefined;
    const after = edit.end < text.length ? text.charAt(edit.end) : '';
    const end = edit.text === '' ? text.charAt(edit.start - 1) : edit.text.charAt(edit.text.length - 1);
    if (after !== '' && end !== '' && !isWhite(after.charCodeAt(0)) && !isWhite(end.charCodeAt(0))) return undefined;
    if (edit.text !== '') {
      const inserted = insertedOps(edit, edit.start + shift);
      if (!inserted) return undefined;
      kept.push(...inserted);
    }
    shift += edit.text.length - (edit.end - edit.start);
    from = edit.end;
  }
  keep(Infinity);
  return kept;
}

/** The stream `text` (its operations `ops`) with `edits` made (none overlapping), and the new text's operations. */
export function editStream(text: string, ops: readonly Operation[], edits: readonly Edit[]): { text: string; ops: Operation[] | undefined } {
  const edited = replaceSpans(text, edits);
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  return { text: edited, ops: keptOps(text, ops, sorted) ?? operations(edited) };
}
