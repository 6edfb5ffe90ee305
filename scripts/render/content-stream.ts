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

// Character classes by code, for the byte values of a latin1-decoded stream. Whitespace is what
// JavaScript's \s matches below 256 (tab to carriage return, space, no-break space).
const WHITESPACE = new Uint8Array(256);
for (const code of [9, 10, 11, 12, 13, 32, 160]) WHITESPACE[code] = 1;
const DELIMITER = WHITESPACE.slice();
for (const char of '()<>[]{}/%') DELIMITER[char.charCodeAt(0)] = 1;
const isWhite = (code: number): boolean => code < 256 && WHITESPACE[code] === 1;
const isDelimiter = (code: number): boolean => code < 256 && DELIMITER[code] === 1;

/** The offset of the next line end at or after `at`, or the text's end. */
function lineEnd(text: string, at: number): number {
  let index = at;
  while (index < text.length && text.charCodeAt(index) !== 10 && text.charCodeAt(index) !== 13) index += 1;
  return index;
}

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
    else if (char === '%') index = lineEnd(text, index) - 1;
  }
  return text.length;
}

/** Whether a token is an operand: a name, a number, a string, an array, a dictionary or a constant. */
function isOperand(token: string): boolean {
  const first = token.charCodeAt(0);
  // / ( < [ + - . and the digits
  if (first === 47 || first === 40 || first === 60 || first === 91 || first === 43 || first === 45 || first === 46) return true;
  if (first >= 48 && first <= 57) return true;
  return token === 'true' || token === 'false' || token === 'null';
}

/**
 * The operations of a content stream (decoded to latin1 text). Chromium
 * positions every glyph with an operator of its own, so a page of text is
 * thousands of them: the scan reads character codes, not regular expressions.
 */
export function operations(text: string): Operation[] | undefined {
  const found: Operation[] = [];
  let operands: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; ) {
    const code = text.charCodeAt(at);
    if (isWhite(code)) {
      at += 1;
      continue;
    }
    if (code === 37) {
      // %: a comment, to the end of the line.
      at = lineEnd(text, at);
      continue;
    }
    if (start === -1) start = at;
    let end: number;
    if (code === 40 || code === 60 || code === 91) end = groupEnd(text, at);
    else {
      end = at + 1;
      while (end < text.length && !isDelimiter(text.charCodeAt(end))) end += 1;
    }
    const token = text.slice(at, end);
    at = end;
    if (isOperand(token)) {
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

/** The value of a hexadecimal digit's code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Hex string operand → its two-byte codes (Identity-H CIDs). */
export const codesOf = (hex: string): number[] => {
  const codes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let at = 0; at < hex.length; at += 1) {
    const digit = hexDigit(hex.charCodeAt(at));
    if (digit === -1) continue;
    value = value * 16 + digit;
    digits += 1;
    if (digits === 4) {
      codes.push(value);
      value = 0;
      digits = 0;
    }
  }
  return codes;
};

export const hexOf = (codes: number[]): string => `<${codes.map((code) => code.toString(16).padStart(4, '0')).join('')}>`;

/** A text string operand (hex, with or without a byte order mark) → its text. */
export function textOf(operand: string): string {
  if (!operand.startsWith('<')) return operand.slice(1, -1);
  const units = codesOf(operand.replace(/^<\s*fe\s*ff/i, '<'));
  return String.fromCharCode(...units);
}

/** A number as a content stream writes it: at most `places` decimals, never in exponent form, never -0. */
export function pdfNumber(value: number, places = 4): string {
  const rounded = Math.round(value * 10 ** places) / 10 ** places;
  return String(rounded === 0 ? 0 : rounded);
}

/** A span of a stream's text (offsets from `operations`) and what replaces it. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The stream's text with the given spans (none overlapping) replaced, the rest copied as it is. */
export function replaceSpans(text: string, edits: readonly Edit[]): string {
  let result = '';
  let from = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    result += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + text.slice(from);
}
