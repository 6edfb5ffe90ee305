/**
 * A line of Chinese or Japanese that ends inside a word, joined to the next
 * one for poppler and MuPDF. Such a line ends with no hyphen and the source
 * has no space there: pdf.js's search joins two lines that meet between two
 * CJK letters, poppler and MuPDF join only a line that ends in a hyphen
 * (poppler: U+002D, `TextLine::hyphenated`; MuPDF 1.21's `dehyphenate`:
 * U+002D, U+00AD, U+2010, U+2011, and only within a paragraph).
 *
 * So where a line ends with a CJK letter and the next line begins with
 * one, a soft hyphen is drawn after the last letter: the letter's own glyph
 * squeezed to nothing (Tz), with no advance, reading as U+00AD, inside a
 * span whose ActualText is a hyphen (U+002D). poppler reads the span (a
 * hyphen: it joins the lines and drops it; the build's read-back takes a
 * hyphen between two CJK letters for this mark, line-ends.ts), MuPDF the
 * soft hyphen (it joins and drops it), pdf.js nothing (it skips a glyph
 * whose text is a format character). Its text rendering mode stays the line's: MuPDF starts a new
 * text object at a change of mode (`pdf_show_char`), and takes a line that
 * starts a new text object at another indent for a new paragraph (the
 * second line of an indented one), where it joins nothing; for that, too,
 * the ET of the line's last text object and the next line's BT go (the next
 * line sets its own matrix, Tm), as hyphen-lines.ts does for a hyphen.
 */
import { CJK_LETTER } from './cid-font.ts';
import { codesOf, hexOf, type Edit, type Operation } from './content-stream.ts';
import { walkStream, type Advances } from './stream-walker.ts';

/** What it needs of a font: what a code reads as, and a code for its glyph that reads otherwise, with a width. */
export interface Rereadable extends Advances {
  map: ReadonlyMap<number, string>;
  codeFor(code: number, text: string, width?: number): number;
}

const SOFT_HYPHEN = '\u00AD';
/** The soft hyphen's horizontal scale, in percent: a glyph a hundred-thousandth of its width, which paints nothing. */
const SQUEEZED = 0.001;

/** One text object (BT … ET): where it opens and closes, its matrix, and its first and last glyph. */
interface TextObject {
  open: number;
  close: number;
  /** Its Tm operands, when it sets one before showing anything. */
  matrix: number[] | undefined;
  size: number;
  first: string | undefined;
  last: { at: number; code: number; font: Rereadable; scale: number; text: string } | undefined;
}

/** Whether text object `next` is on the line after `line`'s: same orientation and size, one line away. */
function nextLine(line: TextObject, next: TextObject): boolean {
  const [a, b, c, d, , y] = line.matrix ?? [];
  const [a2, b2, c2, d2, , y2] = next.matrix ?? [];
  if (a === undefined || y === undefined || y2 === undefined || d === undefined || b !== 0 || c !== 0) return false;
  if (a2 !== a || b2 !== b || c2 !== c || d2 !== d || next.size !== line.size || line.size <= 0) return false;
  // MuPDF starts a new line from 0.8 sizes off the baseline, and a paragraph past 1.5.
  const step = Math.abs(y2 - y) / (line.size * Math.abs(d));
  return step >= 0.8 && step <= 1.5;
}

/**
 * Edits that join each line of the stream (`ops`) ending inside a CJK
 * word to the next, as above; none when it has none. `fontOf` gives a font
 * resource by name.
 */
export function cjkLineEdits(ops: readonly Operation[], fontOf: (name: string) => Rereadable | undefined): Edit[] {
  const objects: TextObject[] = [];
  let open: TextObject | undefined;
  walkStream(ops, fontOf, ({ operator, operands }, index, walk) => {
    if (operator === 'BT') open = { open: index, close: -1, matrix: undefined, size: 0, first: undefined, last: undefined };
    if (!open) return;
    if (operator === 'Tm') open.matrix = open.last === undefined ? operands.map(Number) : undefined;
    else if ((operator === 'Td' || operator === 'TD') && Number(operands[1]) !== 0) open.matrix = undefined;
    else if (operator === "'" || operator === '"' || operator === 'T*') open.matrix = undefined;
    else if (operator === 'Tj' || operator === 'TJ') {
      const { font, size, scale, render } = walk.text;
      const codes = codesOf((operands[0] ?? '').match(/<[0-9A-Fa-f\s]*>/g)?.join('') ?? '');
      const lastCode = codes[codes.length - 1];
      if (!font || lastCode === undefined || render !== 0) {
        open.last = undefined;
        open.matrix = undefined;
        return;
      }
      open.size = size;
      open.first ??= [...(font.map.get(codes[0] as number) ?? '')][0] ?? '';
      const text = font.map.get(lastCode) ?? '';
      open.last = { at: index, code: lastCode, font, scale, text: [...text].pop() ?? '' };
    } else if (operator === 'ET') {
      open.close = index;
      objects.push(open);
      open = undefined;
    }
  });
  const edits: Edit[] = [];
  for (let at = 1; at < objects.length; at += 1) {
    const line = objects[at - 1] as TextObject;
    const next = objects[at] as TextObject;
    const { last } = line;
    if (!last || next.open !== line.close + 1 || !nextLine(line, next)) continue;
    if (!CJK_LETTER.test(last.text) || !CJK_LETTER.test(next.first ?? '')) continue;
    const code = last.font.codeFor(last.code, SOFT_HYPHEN, 0);
    const shown = ops[last.at] as Operation;
    const hyphen = `\n/Span<</ActualText <FEFF002D>>> BDC ${SQUEEZED} Tz ${hexOf([code])} Tj ${last.scale * 100} Tz EMC`;
    edits.push({ start: shown.end, end: shown.end, text: hyphen });
    for (const index of [line.close, next.open]) edits.push({ start: (ops[index] as Operation).start, end: (ops[index] as Operation).end, text: '' });
  }
  return edits;
}
