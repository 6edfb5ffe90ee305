/**
 * The words a show operation (Tj, TJ) draws, as word-lines.ts reads them:
 * its text as its font reads it, split at whitespace and where a TJ array
 * moves right by a word space. Only the first and the last word are
 * wanted, so the text is read from each end only as far as the first
 * space: a line's glyphs are read about once, not all of them twice.
 */
import { codesIn, codesOf, hexDigit, isWhite } from './content-stream.ts';

/** A move right inside a TJ array wider than this (thousandths of the size) is a word space. */
const WORD_GAP = 150;
const HEX_STRINGS = /<[0-9A-Fa-f\s]*>/g;
const SPACE = /\s/u;

/** What an operand draws: its first and last word, whether it holds more than one word. */
export interface ShownEnds {
  first: string;
  last: string;
  /** Whether it holds a space: its first and last word are not one. */
  several: boolean;
  /** Whether its strings hold a whole two-byte code. */
  drawsCode: boolean;
}

const isNumeral = (code: number): boolean => (code >= 48 && code <= 57) || code === 46;

/**
 * The parts of an operand as `/<[0-9A-Fa-f\s]*>|-?[\d.]+/g` finds them (its
 * strings and numbers), found one at a time from either end: a line's TJ
 * array is some hundred parts, and only those up to the first space from
 * each end are read. A hex string runs from a `<` to the first `>` with
 * only hex digits and whitespace between, a number is a run of digits and
 * periods with the `-` before it, if any; read from the end, the same parts
 * come (a `<` or `>` belongs to no number, a `-` to no string). Each call
 * sets `part` to the one found, or returns false.
 */
const part = { from: 0, to: 0 };

/** The first part starting at or after `at`. */
function partAfter(operand: string, at: number): boolean {
  for (let from = at; from < operand.length; from += 1) {
    const code = operand.charCodeAt(from);
    if (code === 60) {
      let end = from + 1;
      while (end < operand.length && (hexDigit(operand.charCodeAt(end)) !== -1 || isWhite(operand.charCodeAt(end)))) end += 1;
      if (end < operand.length && operand.charCodeAt(end) === 62) return found(from, end + 1);
    } else if (isNumeral(code) || (code === 45 && isNumeral(operand.charCodeAt(from + 1)))) {
      let end = from + 1;
      while (end < operand.length && isNumeral(operand.charCodeAt(end))) end += 1;
      return found(from, end);
    }
  }
  return false;
}

/** The last part ending at or before `at`. */
function partBefore(operand: string, at: number): boolean {
  for (let to = at; to > 0; to -= 1) {
    const code = operand.charCodeAt(to - 1);
    if (code === 62) {
      let start = to - 2;
      while (start >= 0 && (hexDigit(operand.charCodeAt(start)) !== -1 || isWhite(operand.charCodeAt(start)))) start -= 1;
      if (start >= 0 && operand.charCodeAt(start) === 60) return found(start, to);
    } else if (isNumeral(code)) {
      let start = to - 1;
      while (start > 0 && isNumeral(operand.charCodeAt(start - 1))) start -= 1;
      return found(start > 0 && operand.charCodeAt(start - 1) === 45 ? start - 1 : start, to);
    }
  }
  return false;
}

function found(from: number, to: number): true {
  part.from = from;
  part.to = to;
  return true;
}

/** The text of the operand's parts read from one end towards `step`, up to and with the first space. */
function readUpToSpace(operand: string, map: ReadonlyMap<number, string>, step: 1 | -1): { text: string; spaced: boolean } {
  let text = '';
  for (let more = step === 1 ? partAfter(operand, 0) : partBefore(operand, operand.length); more; more = step === 1 ? partAfter(operand, part.to) : partBefore(operand, part.from)) {
    const { from, to } = part;
    if (operand.charCodeAt(from) !== 60) {
      if (Number(operand.slice(from, to)) >= -WORD_GAP) continue;
      return { text: step === 1 ? `${text} ` : ` ${text}`, spaced: true };
    }
    // The string's two-byte codes (whitespace inside it skipped), in the reading's direction.
    const codes = codesIn(operand, from + 1, to - 1);
    for (let index = step === 1 ? 0 : codes.length - 1; index >= 0 && index < codes.length; index += step) {
      const piece = map.get(codes[index] as number) ?? '';
      text = step === 1 ? text + piece : piece + text;
      if (SPACE.test(piece)) return { text, spaced: true };
    }
  }
  return { text, spaced: false };
}

/** The first and last word `operand` draws, its codes read by `map`. */
export function shownEnds(operand: string, map: ReadonlyMap<number, string>): ShownEnds {
  const code = drawsCode(operand);
  const front = readUpToSpace(operand, map, 1);
  if (!front.spaced) return { first: front.text, last: front.text, several: false, drawsCode: code };
  const back = readUpToSpace(operand, map, -1);
  return { first: front.text.split(/\s+/u)[0] ?? '', last: back.text.split(/\s+/u).pop() ?? '', several: true, drawsCode: code };
}

/** Whether the operand's strings hold a whole two-byte code. */
function drawsCode(operand: string): boolean {
  let digits = 0;
  for (let more = partAfter(operand, 0); more; more = partAfter(operand, part.to)) {
    if (operand.charCodeAt(part.from) !== 60) continue;
    for (let at = part.from + 1; at < part.to - 1; at += 1) if (hexDigit(operand.charCodeAt(at)) !== -1 && (digits += 1) >= 4) return true;
  }
  return false;
}

/** The last two-byte code of `operand`'s strings, read as one. */
export const lastCodeOf = (operand: string): number | undefined => codesOf(operand.match(HEX_STRINGS)?.join('') ?? '').pop();
