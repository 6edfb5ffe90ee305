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
export const isWhite = (code: number): boolean => code < 256 && WHITESPACE[code] === 1;
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
    const code = text.charCodeAt(index);
    if (code === 40) {
      // A literal string: backslash escapes, nested parentheses.
      let parens = 0;
      for (; index < text.length; index += 1) {
        const inner = text.charCodeAt(index);
        if (inner === 92) index += 1;
        else if (inner === 40) parens += 1;
        else if (inner === 41 && --parens === 0) break;
      }
      if (depth === 0) return index + 1;
    } else if (code === 60 && text.charCodeAt(index + 1) === 60) {
      depth += 1;
      index += 1;
    } else if (code === 62 && text.charCodeAt(index + 1) === 62) {
      depth -= 1;
      index += 1;
      if (depth === 0) return index + 1;
    } else if (code === 60) {
      index = text.indexOf('>', index);
      if (index === -1) return text.length;
      if (depth === 0) return index + 1;
    } else if (code === 91) depth += 1;
    else if (code === 93 && --depth === 0) return index + 1;
    else if (code === 37) index = lineEnd(text, index) - 1;
  }
  return text.length;
}

/** Whether the token starting with this code is an operand: / ( < [ + - . or a digit (true, false and null aside). */
function startsOperand(code: number): boolean {
  return code === 47 || code === 40 || code === 60 || code === 91 || code === 43 || code === 45 || code === 46 || (code >= 48 && code <= 57);
}

/**
 * Operators seen so far, by their characters: a page repeats a dozen of them
 * thousands of times, and each is then one string rather than a new one. The
 * content-stream operators are the literals below, which the passes compare
 * with their own literals (the same strings, compared at once).
 */
const LITERALS = new Map(
  ['b', 'B', 'b*', 'B*', 'BDC', 'BI', 'BMC', 'BT', 'BX', 'c', 'cm', 'CS', 'cs', 'd', 'd0', 'd1', 'Do', 'DP', 'EI', 'EMC', 'ET', 'EX', 'f', 'F', 'f*', 'G', 'g', 'gs', 'h', 'i', 'ID', 'j', 'J', 'K', 'k', 'l', 'm', 'M', 'MP', 'n', 'q', 'Q', 're', 'RG', 'rg', 'ri', 's', 'S', 'SC', 'sc', 'SCN', 'scn', 'sh', 'T*', 'Tc', 'Td', 'TD', 'Tf', 'Tj', 'TJ', 'TL', 'Tm', 'Tr', 'Ts', 'Tw', 'Tz', 'v', 'w', 'W', 'W*', 'y', "'", '"', 'true', 'false', 'null'].map((name) => [name, name]),
);
const OPERATORS = new Map<number, string>();
function operatorAt(text: string, at: number, end: number): string {
  if (end - at > 3) return text.slice(at, end);
  let key = end - at;
  for (let index = at; index < end; index += 1) key = key * 256 + text.charCodeAt(index);
  let known = OPERATORS.get(key);
  if (known === undefined) {
    const name = text.slice(at, end);
    OPERATORS.set(key, (known = LITERALS.get(name) ?? name));
  }
  return known;
}

/** The operands of an operation that has none: one array for all of them, never written to. */
const NO_OPERANDS: string[] = [];

/**
 * The operations of a content stream (decoded to latin1 text). Chromium
 * positions every glyph with an operator of its own, so a page of text is
 * thousands of them: the scan reads character codes, not regular expressions.
 */
export function operations(text: string): Operation[] | undefined {
  const found: Operation[] = [];
  let operands = NO_OPERANDS;
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
    if (startsOperand(code)) {
      if (operands === NO_OPERANDS) operands = [];
      operands.push(text.slice(at, end));
      at = end;
      continue;
    }
    const token = operatorAt(text, at, end);
    at = end;
    if (token === 'true' || token === 'false' || token === 'null') {
      if (operands === NO_OPERANDS) operands = [];
      operands.push(token);
      continue;
    }
    if (token === 'BI') return undefined;
    found.push({ operator: token, operands, start, end });
    operands = NO_OPERANDS;
    start = -1;
  }
  return found;
}

/** The value of a hexadecimal digit's code, or -1. */
export function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** Hex string operand → its two-byte codes (Identity-H CIDs). */
export const codesOf = (hex: string): number[] => codesIn(hex, 0, hex.length);

/** The two-byte codes of the hex digits in `text` from `from` to `to` (anything else skipped), in order. */
export function codesIn(text: string, from: number, to: number): number[] {
  const codes: number[] = [];
  let value = 0;
  let digits = 0;
  for (let at = from; at < to; at += 1) {
    const digit = hexDigit(text.charCodeAt(at));
    if (digit === -1) continue;
    value = value * 16 + digit;
    if ((digits += 1) === 4) {
      codes.push(value);
      value = 0;
      digits = 0;
    }
  }
  return codes;
}

/** A code as four hexadecimal digits. */
const hex4 = (code: number): string => code.toString(16).padStart(4, '0');

export const hexOf = (codes: number[]): string => (codes.length === 1 ? `<${hex4(codes[0] as number)}>` : `<${codes.map(hex4).join('')}>`);

/** Calls `use` with each two-byte code of a hex string operand, in order. */
export function forEachCode(hex: string, use: (code: number) => void): void {
  let value = 0;
  let digits = 0;
  for (let at = 0; at < hex.length; at += 1) {
    const digit = hexDigit(hex.charCodeAt(at));
    if (digit === -1) continue;
    value = value * 16 + digit;
    digits += 1;
    if (digits === 4) {
      use(value);
      value = 0;
      digits = 0;
    }
  }
}

/** The ActualText string (as written) of a marked-content property list, if it has one. */
export const actualTextIn = (properties: string | undefined): string | undefined => /\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(properties ?? '')?.[1];

/** A text string operand (hex, with or without a byte order mark) → its text. */
export function textOf(operand: string): string {
  if (!operand.startsWith('<')) return operand.slice(1, -1);
  const units = codesOf(operand.replace(/^<\s*fe\s*ff/i, '<'));
  return String.fromCharCode(...units);
}

/** A number as a content stream writes it: at most `places` decimals, never in exponent form, never -0. */
export function pdfNumber(value: number, places = 4): string {
  if (value === 0) return '0';
  const scale = places === 4 ? 10_000 : 10 ** places;
  const rounded = Math.round(value * scale) / scale;
  return String(rounded === 0 ? 0 : rounded);
}

/** A span of a stream's text (offsets from `operations`) and what replaces it. */
export interface Edit {
  start: number;
  end: number;
  text: string;
  /** The operations of `text`, offsets from its start, where the edit's maker knows them: what `operations(text)` gives. Default: read from `text` when needed. */
  ops?: readonly Operation[];
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
