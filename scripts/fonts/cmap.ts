/**
 * Which code points a font file really has (its cmap), read with fontkit.
 * A face's unicode-range says where the browser may use it, not that it has
 * every one of those characters: a slice of Noto Serif SC declared for a run
 * of emoji has none of them.
 */
import { readFile } from 'node:fs/promises';
import * as fontkit from 'fontkit';
import type { Face } from './faces.ts';

const cache = new Map<string, Promise<ReadonlySet<number>>>();

async function read(file: string): Promise<ReadonlySet<number>> {
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
  const key = `${face.family}|${face.subset}|${face.style}`;
  let set = cache.get(key);
  if (!set) {
    set = read(face.file);
    cache.set(key, set);
  }
  return set;
}
