/**
 * The script most of a text's letters are in, as Unicode names it (`Latin`,
 * `Cyrillic`, `Tamil`), from its first letters: what decides, with the
 * language, whether it is justified (markdown/justification.ts), and how
 * the corpus sorts its texts.
 */
import { scriptOf } from './coverage.ts';

/** Letters counted: enough for any text's script, few enough for a book. */
const LETTERS = 4000;

export function mainScript(text: string): string {
  const counts = new Map<string, number>();
  const known = new Map<number, string>();
  let letters = 0;
  for (const char of text) {
    if (!/\p{L}/u.test(char)) continue;
    const point = char.codePointAt(0) as number;
    let script = known.get(point);
    if (script === undefined) known.set(point, (script = scriptOf(point) ?? 'other'));
    counts.set(script, (counts.get(script) ?? 0) + 1);
    if ((letters += 1) >= LETTERS) break;
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'other';
}
