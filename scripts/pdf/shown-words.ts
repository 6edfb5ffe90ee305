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
const PARTS = /<[0-9A-Fa-f\s]*>|-?[\d.]+/g;
const HEX_STRINGS = /<[0-9A-Fa-f\s]*>/g;
const SPACE = /\s/u;
const HEX_DIGIT = /[0-9A-Fa-f]/;

/** What an operand draws: its first and last word, whether it holds more than one word. */
export interface ShownEnds {
  first: string;
  last: string;
  /** Whether it holds a space: its first and last word are not one. */
  several: boolean;
  /** Whether its strings hold a whole two-byte code. */
  drawsCode: boolean;
}

/** The text of `parts` (an operand's strings and numbers) read from `at` towards `step`, up to and with the first space. */
function readUpToSpace(parts: readonly string[], map: ReadonlyMap<number, string>, step: 1 | -1): { text: string; spaced: boolean } {
  let text = '';
  for (let at = step === 1 ? 0 : parts.length - 1; at >= 0 && at < parts.length; at += step) {
    const part = parts[at] as string;
    if (!part.startsWith('<')) {
      if (Number(part) >= -WORD_GAP) continue;
      return { text: step === 1 ? `${text} ` : ` ${text}`, spaced: true };
    }
    const codes = codesOf(part);
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
  const parts = operand.match(PARTS) ?? [];
  const code = drawsCode(parts);
  const front = readUpToSpace(parts, map, 1);
  if (!front.spaced) return { first: front.text, last: front.text, several: false, drawsCode: code };
  const back = readUpToSpace(parts, map, -1);
  return { first: front.text.split(/\s+/u)[0] ?? '', last: back.text.split(/\s+/u).pop() ?? '', several: true, drawsCode: code };
}

/** Whether the strings among `parts` hold a whole two-byte code (the parts' strings are those HEX_STRINGS finds). */
function drawsCode(parts: readonly string[]): boolean {
  let digits = 0;
  for (const part of parts) {
    if (!part.startsWith('<')) continue;
    for (let at = 1; at < part.length - 1; at += 1) if (HEX_DIGIT.test(part.charAt(at)) && (digits += 1) >= 4) return true;
  }
  return false;
}

/** The last two-byte code of `operand`'s strings, read as one. */
export const lastCodeOf = (operand: string): number | undefined => codesOf(operand.match(HEX_STRINGS)?.join('') ?? '').pop();
