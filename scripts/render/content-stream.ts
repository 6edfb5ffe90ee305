/**
 * A page content stream as a list of operations, each with its operands and
 * where it lies in the stream's text, so that a rewrite can replace a few of
 * them and copy the rest byte for byte. Strings, arrays and dictionaries are
 * kept whole as one operand. A stream with an inline image (binary data
 * between ID and EI) is not split: `operations` returns undefined.
 */

export interface Operation {
  operator: string;
  operands: string[];
  /** Offsets in the stream's text: from the first operand to the end of the operator. */
  start: number;
  end: number;
}

const DELIMITER = /[\s()<>[\]{}/%]/;

/** The end of the balanced group opening at `at` (`(`, `[`, `<<`), or of the hex string there. */
function groupEnd(text: string, at: number): number {
  let depth = 0;
  for (let index = at; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') {
      // A literal string: backslash escapes, nested parentheses.
      let parens = 0;
      for (; index < text.length; index += 1) {
        if (text[index] === '\\') index += 1;
        else if (text[index] === '(') parens += 1;
        else if (text[index] === ')' && --parens === 0) break;
      }
      if (depth === 0) return index + 1;
    } else if (char === '<' && text[index + 1] === '<') {
      depth += 1;
      index += 1;
    } else if (char === '>' && text[index + 1] === '>') {
      depth -= 1;
      index += 1;
      if (depth === 0) return index + 1;
    } else if (char === '<') {
      index = text.indexOf('>', index);
      if (index === -1) return text.length;
      if (depth === 0) return index + 1;
    } else if (char === '[') depth += 1;
    else if (char === ']' && --depth === 0) return index + 1;
    else if (char === '%') {
      const eol = text.slice(index).search(/[\r\n]/);
      index = eol === -1 ? text.length : index + eol;
    }
  }
  return text.length;
}

/** The operations of a content stream (decoded to latin1 text). */
export function operations(text: string): Operation[] | undefined {
  const found: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; ) {
    const char = text[at] ?? '';
    if (/\s/.test(char)) {
      at += 1;
      continue;
    }
    if (char === '%') {
      const eol = text.slice(at).search(/[\r\n]/);
      at = eol === -1 ? text.length : at + eol;
      continue;
    }
    if (start === -1) start = at;
    let end: number;
    if (char === '(' || char === '<' || char === '[') end = groupEnd(text, at);
    else {
      end = at + 1;
      while (end < text.length && !DELIMITER.test(text[end] ?? '')) end += 1;
    }
    const token = text.slice(at, end);
    at = end;
    if (char === '/' || /^[+\-.\d]/.test(token) || char === '(' || char === '<' || char === '[' || token === 'true' || token === 'false' || token === 'null') {
      operands.push(token);
      continue;
    }
    if (token === 'BI') return undefined;
    found.push({ operator: token, operands, start, end });
    operands = [];
    start = -1;
  }
  return found;
}

/** Hex string operand → its two-byte codes (Identity-H CIDs). */
export const codesOf = (hex: string): number[] => {
  const digits = hex.replace(/[<>\s]/g, '');
  const codes: number[] = [];
  for (let at = 0; at + 4 <= digits.length; at += 4) codes.push(parseInt(digits.slice(at, at + 4), 16));
  return codes;
};

export const hexOf = (codes: number[]): string => `<${codes.map((code) => code.toString(16).padStart(4, '0')).join('')}>`;

/** A text string operand (hex, with or without a byte order mark) → its text. */
export function textOf(operand: string): string {
  if (!operand.startsWith('<')) return operand.slice(1, -1);
  const units = codesOf(operand.replace(/^<\s*fe\s*ff/i, '<'));
  return String.fromCharCode(...units);
}
