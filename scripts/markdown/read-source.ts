/**
 * A source file's bytes as text. Bytes that are not UTF-8 become U+FFFD, as
 * any reader would show them, but not silently: the place of the first one is
 * returned so that it can be reported (see index.ts).
 */
export interface DecodedSource {
  text: string;
  /** Line and column (1-based, in characters) of the first byte that is not UTF-8. */
  invalidAt?: { line: number; column: number };
}

const lenient = new TextDecoder('utf-8');

/** Whether the first `length` bytes hold no invalid UTF-8 (a sequence cut off at the end does not count). */
function validUpTo(bytes: Uint8Array, length: number): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
    return true;
  } catch {
    return false;
  }
}

export function decodeSource(bytes: Uint8Array): DecodedSource {
  const text = lenient.decode(bytes);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    // found below
  }
  // The shortest invalid prefix ends at the first bad byte.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (validUpTo(bytes, middle + 1)) low = middle + 1;
    else high = middle;
  }
  // Invalid from byte `low` on; when `low` breaks a character begun just before it, blame that character.
  let bad = Math.min(low, bytes.length);
  for (let back = 1; back <= 3 && bad - back >= 0; back += 1) {
    const lead = bytes[bad - back] ?? 0;
    if ((lead & 0xc0) === 0x80) continue;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    if (bad - back + length > bad) bad -= back;
    break;
  }
  const lineStart = bytes.lastIndexOf(0x0a, bad - 1) + 1;
  let line = 1;
  for (let index = 0; index < lineStart; index += 1) if (bytes[index] === 0x0a) line += 1;
  const column = lenient.decode(bytes.subarray(lineStart, bad)).length + 1;
  return { text, invalidAt: { line, column } };
}
