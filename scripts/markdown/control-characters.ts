/**
 * Control characters in the source: a NUL byte, an escape, a bell, a form
 * feed. The parser turns a NUL into U+FFFD and keeps the others, and no font
 * draws any of them: the reader would find a box or nothing in their place.
 * Each is an error at its place, naming the character, before the parser
 * runs. Tab and the line breaks (LF, CR) are text.
 */
import type { VFile } from 'vfile';
import { error, pointAt, stopOnErrors } from './messages.ts';

/** The C0 controls but tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const NAMES: Record<number, string> = {
  0x00: 'a NUL byte (U+0000)',
  0x07: 'a bell character (U+0007)',
  0x08: 'a backspace (U+0008)',
  0x0b: 'a vertical tab (U+000B)',
  0x0c: 'a form feed (U+000C, a page break of old editors)',
  0x1b: 'an escape character (U+001B, from a terminal’s colours)',
};

/** How many are named one by one; the rest are counted in the last message. */
const NAMED = 5;

const nameOf = (code: number): string => NAMES[code] ?? `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;

/** Stops the stage with an error at each control character (the first NAMED of them), if there is any. */
export function checkControlCharacters(file: VFile): void {
  const text = String(file.value);
  const found = [...text.matchAll(CONTROL)];
  for (const [i, match] of found.slice(0, NAMED).entries()) {
    const more = i === NAMED - 1 && found.length > NAMED ? ` (and ${(found.length - NAMED).toLocaleString('en-US')} more after it)` : '';
    const reason = `${nameOf(match[0].charCodeAt(0))} is in the text${more}; no font draws it: remove it (a text may hold tabs and line breaks, no other control character)`;
    error(file, reason, pointAt(text, match.index), 'control-character');
  }
  stopOnErrors(file);
}
