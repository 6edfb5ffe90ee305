/**
 * Which code points a font file really has (its cmap), read with fontkit.
 * A face's unicode-range says where the browser may use it, not that it has
 * every one of those characters: a slice of Noto Serif SC declared for a run
 * of emoji has none of them.
 */
import { readFile } from 'node:fs/promises';
import * as fontkit from 'fontkit';

const cache = new Map<string, Promise<ReadonlySet<number>>>();

async function read(file: string): Promise<ReadonlySet<number>> {
  const font = fontkit.create(await readFile(file));
  if (!('characterSet' in font)) throw new Error(`${file} is a font collection, not a font`);
  return new Set(font.characterSet);
}

/** The code points the font file maps to a glyph; read once per file and process. */
export function codePointsIn(file: string): Promise<ReadonlySet<number>> {
  let set = cache.get(file);
  if (!set) {
    set = read(file);
    cache.set(file, set);
  }
  return set;
}
