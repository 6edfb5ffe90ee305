/**
 * The ActualText spans that need no cluster rewrite (cluster-spans.ts): one
 * glyph, in left-to-right text, whose span's text it reads as alone. Chromium
 * writes one for every soft hyphen (U+00AD, which the markdown stage puts at
 * each hyphenation point) and for a curly quote, so a hyphenated essay has a
 * thousand of them: rewriting every line that holds one took most of the
 * text layer's time. Here such a span loses its BDC and EMC, and its glyph
 * reads through a code of its own (CidFont.codeFor), with the text the
 * cluster rewrite gives it. Nothing is moved: the glyph keeps its Td and its
 * place.
 *
 * A soft hyphen's span is not even drawn: Chromium (HarfBuzz) shows the
 * soft hyphen as the font's space glyph, which paints nothing, and whatever
 * code it read as, poppler and MuPDF would put that character inside the
 * word (pdf.js alone drops a zero-width non-joiner). So its BDC, its glyph
 * and its EMC go, and the text state it set (Td, Tf, Tm) stays; where the
 * line broke there, the hyphen Chromium draws at the line's end reads as
 * "-", which each reader joins back (poppler's and MuPDF's dehyphenation,
 * pdf.js's find bar).
 */
import type { CidFont } from './cid-font.ts';
import { clusterDraws } from './cluster-text.ts';
import { actualTextIn, codesOf, hexOf, textOf, type Edit, type Operation } from './content-stream.ts';
import { walkStream } from './stream-walker.ts';

export interface Unwrapped {
  /** The stream's operations without the spans' BDC and EMC, each glyph with its new code. */
  ops: Operation[];
  /** The same, as edits of the stream's text. */
  edits: Edit[];
  /** Whether an ActualText span is left, for the cluster rewrite. */
  spansLeft: boolean;
}

/** The new code of a span's one glyph, if the span is plain (see above). */
function plainCode(actual: string, hex: string, font: CidFont | undefined): number | undefined {
  const codes = codesOf(hex);
  const [code] = codes;
  if (!font || code === undefined || codes.length !== 1 || !hex.startsWith('<') || hex.startsWith('<<')) return undefined;
  const { draws, marks } = clusterDraws([{ width: font.width(code) }], textOf(actual), { rtl: false });
  const [draw] = draws;
  if (!draw || draws.length !== 1 || draw.unseen || marks.length > 0) return undefined;
  return font.codeFor(code, draw.text);
}

const SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const PLACING = new Set(['Td', 'TD', 'Tm', 'T*', 'ET']);

/**
 * Where a soft hyphen's span opening at `at` ends (its EMC), if it can go
 * whole: inside it only text state (Tf, Tm, Td) and one glyph that reads as
 * a space, and after it a glyph placed anew, not where this one would leave
 * the pen. `font`: the font when it opens.
 */
function softHyphenEnd(ops: Operation[], at: number, font: CidFont | undefined, fontOf: (name: string) => CidFont | undefined): number | undefined {
  let current = font;
  let shown = false;
  let close = -1;
  for (let index = at + 1; index < ops.length && close === -1; index += 1) {
    const op = ops[index] as Operation;
    if (op.operator === 'EMC') close = index;
    else if (op.operator === 'Tf') current = fontOf((op.operands[0] ?? '').slice(1));
    else if (op.operator === 'Tj' && !shown) {
      const codes = codesOf(op.operands[0] ?? '');
      const [code] = codes;
      if (codes.length !== 1 || code === undefined || current?.map.get(code)?.trim() !== '') return undefined;
      shown = true;
    } else if (op.operator !== 'Tm' && op.operator !== 'Td') return undefined;
  }
  if (!shown || close === -1) return undefined;
  for (let index = close + 1; index < ops.length; index += 1) {
    const operator = (ops[index] as Operation).operator;
    if (PLACING.has(operator)) return close;
    if (SHOWING.has(operator)) return undefined;
  }
  return close;
}

/**
 * The stream's plain spans unwrapped, or undefined when it has none.
 * `fontOf` gives a font resource by name.
 */
export function unwrapPlainSpans(ops: Operation[], fontOf: (name: string) => CidFont | undefined): Unwrapped | undefined {
  const kept: Operation[] = [];
  const edits: Edit[] = [];
  let spansLeft = false;
  // The last operation of a span taken out or unwrapped: those up to it are done.
  let done = -1;
  walkStream(ops, fontOf, (op, at, walk) => {
    if (at <= done) return;
    if (op.operator === 'BMC' || op.operator === 'BDC') {
      const actual = op.operator === 'BDC' && op.operands[0] === '/Span' ? actualTextIn(op.operands[1]) : undefined;
      // A span inside a /ReversedChars run (right to left) is not plain.
      const candidate = actual !== undefined && walk.inText && !walk.marked.some((one) => one.tag === '/ReversedChars');
      const end = candidate && textOf(actual) === '\u00AD' ? softHyphenEnd(ops, at, walk.text.font, fontOf) : undefined;
      if (end !== undefined) {
        // The span goes, and its glyph; what it set of the text state stays.
        for (const inner of ops.slice(at, end + 1)) {
          if (inner.operator === 'Tf' || inner.operator === 'Tm' || inner.operator === 'Td') kept.push(inner);
          else edits.push({ start: inner.start, end: inner.end, text: '' });
        }
        done = end;
        return;
      }
      // The span: BDC, a Td or none, one Tj, EMC.
      const moved = ops[at + 1]?.operator === 'Td' ? 1 : 0;
      const shown = ops[at + 1 + moved];
      const close = ops[at + 2 + moved];
      const plain = candidate && shown?.operator === 'Tj' && close?.operator === 'EMC';
      const code = plain ? plainCode(actual, shown.operands[0] ?? '', walk.text.font) : undefined;
      if (code !== undefined && shown && close) {
        const hex = hexOf([code]);
        if (moved === 1) kept.push(ops[at + 1] as Operation);
        kept.push({ operator: shown.operator, operands: [hex], start: shown.start, end: shown.end });
        edits.push({ start: op.start, end: op.end, text: '' }, { start: shown.start, end: shown.end, text: `${hex} Tj` }, { start: close.start, end: close.end, text: '' });
        done = at + 2 + moved;
        return;
      }
      if (actual !== undefined) spansLeft = true;
    }
    kept.push(op);
  });
  return edits.length === 0 ? undefined : { ops: kept, edits, spansLeft };
}
