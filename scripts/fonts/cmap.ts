/**
 * Which code points a font file really has (its cmap), read with fontkit.
 * A face's unicode-range says where the browser may use it, not that it has
 * every one of those characters: a slice of Noto Serif SC declared for a run
 * of emoji has none of them.
 */
import { readFile } from 'node:fs/promises';
import type { Face } from './faces.ts';
import { cmapKey, codePointsFromData } from './font-data.ts';

const cache = new Map<string, Promise<ReadonlySet<number>>>();

/**
 * The code points of a font file, read with fontkit. Loaded only here: with
 * its Brotli decoder it is 1.8 MB of code, which the build need not compile
 * when the cmaps were read beforehand (font-data.ts).
 */
export async function readCodePoints(file: string): Promise<ReadonlySet<number>> {
  const fontkit = await import('fontkit');
  const font = fontkit.create(await readFile(file));
  if (!('characterSet' in font)) throw new Error(`${file} is a font collection, not a font`);
  return new Set(font.characterSet);
}

/**
 * The code points the face's file maps to a glyph. Read once per process for
 * a family, subset and style: @fontsource cuts every weight of a family into
 * the same subsets, so one weight's cmap stands for all.
 */
export function codePointsIn(face: Face): Promise<ReadonlySet<number>> {
  const key = cmapKey(face);
  let set = cache.get(key);
  if (!set) {
    set = codePointsFromData(face).then((found) => found ?? readCodePoints(face.file));
    cache.set(key, set);
  }
  return set;
}
