/**
 * The words a show operation (Tj, TJ) draws, as word-lines.ts reads them:
 * its text as its font reads it, split at whitespace and where a TJ array
 * moves right by a word space. Only the first and the last word are
 * wanted, so the text is read from each end only as far as the first
 * space: a line's glyphs are read about once, not all of them twice.
 */
import { codesOf } from './content-stream.ts';

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

/** The value of a hexadecimal digit's code, or -1. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Whether a code is one \s matches in latin1 text. */
const isWhite = (code: number): boolean => (code >= 9 && code <= 13) || code === 32 || code === 160;
const isNumeral = (code: number): boolean => (code >= 48 && code <= 57) || code === 46;

/**
 * The parts of an operand, as `/<[0-9A-Fa-f\s]*>|-?[\d.]+/g` finds them (its
 * strings and numbers), as offsets: part n runs from `bounds[2n]` to
 * `bounds[2n + 1]`. A line's TJ array is some hundred parts, and splitting it
 * into as many strings to read a word from each end cost more than the rest
 * of the line-end pass. The array is shared: read it before the next call.
 */
let bounds = new Int32Array(256);
function partsOf(operand: string): number {
  let count = 0;
  const add = (from: number, to: number): void => {
    if (2 * count + 2 > bounds.length) {
      const grown = new Int32Array(bounds.length * 2);
      grown.set(bounds);
      bounds = grown;
    }
    bounds[2 * count] = from;
    bounds[2 * count + 1] = to;
    count += 1;
  };
  for (let at = 0; at < operand.length; ) {
    const code = operand.charCodeAt(at);
    if (code === 60) {
      let end = at + 1;
      while (end < operand.length && (hexValue(operand.charCodeAt(end)) !== -1 || isWhite(operand.charCodeAt(end)))) end += 1;
      if (end < operand.length && operand.charCodeAt(end) === 62) {
        add(at, end + 1);
        at = end + 1;
        continue;
      }
    } else if (isNumeral(code) || (code === 45 && isNumeral(operand.charCodeAt(at + 1)))) {
      let end = at + 1;
      while (end < operand.length && isNumeral(operand.charCodeAt(end))) end += 1;
      add(at, end);
      at = end;
      continue;
    }
    at += 1;
  }
  return count;
}

/** The text of the operand's parts (`count` of them, in `bounds`) read from one end towards `step`, up to and with the first space. */
function readUpToSpace(operand: string, count: number, map: ReadonlyMap<number, string>, step: 1 | -1): { text: string; spaced: boolean } {
  let text = '';
  for (let part = step === 1 ? 0 : count - 1; part >= 0 && part < count; part += step) {
    const from = bounds[2 * part] as number;
    const to = bounds[2 * part + 1] as number;
    if (operand.charCodeAt(from) !== 60) {
      if (Number(operand.slice(from, to)) >= -WORD_GAP) continue;
      return { text: step === 1 ? `${text} ` : ` ${text}`, spaced: true };
    }
    // The string's two-byte codes (whitespace inside it skipped), in the reading's direction.
    const codes: number[] = [];
    let value = 0;
    let digits = 0;
    for (let at = from + 1; at < to - 1; at += 1) {
      const digit = hexValue(operand.charCodeAt(at));
      if (digit === -1) continue;
      value = value * 16 + digit;
      if ((digits += 1) === 4) {
        codes.push(value);
        value = 0;
        digits = 0;
      }
    }
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
  const count = partsOf(operand);
  const code = drawsCode(operand, count);
  const front = readUpToSpace(operand, count, map, 1);
  if (!front.spaced) return { first: front.text, last: front.text, several: false, drawsCode: code };
  const back = readUpToSpace(operand, count, map, -1);
  return { first: front.text.split(/\s+/u)[0] ?? '', last: back.text.split(/\s+/u).pop() ?? '', several: true, drawsCode: code };
}

/** Whether the operand's strings (`count` parts in `bounds`) hold a whole two-byte code. */
function drawsCode(operand: string, count: number): boolean {
  let digits = 0;
  for (let part = 0; part < count; part += 1) {
    const from = bounds[2 * part] as number;
    if (operand.charCodeAt(from) !== 60) continue;
    for (let at = from + 1; at < (bounds[2 * part + 1] as number) - 1; at += 1) if (hexValue(operand.charCodeAt(at)) !== -1 && (digits += 1) >= 4) return true;
  }
  return false;
}

/** The last two-byte code of `operand`'s strings, read as one. */
export const lastCodeOf = (operand: string): number | undefined => codesOf(operand.match(HEX_STRINGS)?.join('') ?? '').pop();
