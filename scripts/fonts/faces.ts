/**
 * The @font-face rules of an @fontsource stylesheet, read into data: one face
 * per subset, with its woff2 file and the code points it is declared for.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { facesFromData } from './font-data.ts';

const require = createRequire(import.meta.url);

export type Range = readonly [number, number];

export interface Face {
  family: string;
  style: 'normal' | 'italic';
  weight: number;
  /** The @fontsource subset: `latin`, `arabic`, `[42]` (a numbered CJK slice), … */
  subset: string;
  /** Absolute path of the woff2 file. */
  file: string;
  /** Its unicode-range, sorted. */
  ranges: Range[];
}

/** `U+0370-0377,U+037A` → [[0x370, 0x377], [0x37a, 0x37a]]: sorted, overlapping and touching ranges joined. */
export function parseUnicodeRange(text: string): Range[] {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const match = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim());
    if (!match?.[1]) continue;
    const start = match[1].replace(/\?/g, '0');
    const end = match[2] ?? match[1].replace(/\?/g, 'f');
    ranges.push([parseInt(start, 16), parseInt(end, 16)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = joined.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else joined.push([start, end]);
  }
  return joined;
}

/**
 * Whether a code point is in sorted ranges that do not overlap (as
 * parseUnicodeRange and toRanges make them). A binary search: the
 * plan asks it for every character of the text in each of some 3000 faces.
 */
export function inRanges(ranges: readonly Range[], codePoint: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle] ?? [0, -1];
    if (codePoint < start) high = middle - 1;
    else if (codePoint > end) low = middle + 1;
    else return true;
  }
  return false;
}

const cache = new Map<string, Promise<Face[]>>();

/** The faces of one stylesheet, e.g. `@fontsource/noto-serif-sc/700.css`. */
export function readFaces(sheet: string): Promise<Face[]> {
  let faces = cache.get(sheet);
  if (!faces) {
    faces = readFacesOnce(sheet);
    cache.set(sheet, faces);
  }
  return faces;
}

async function readFacesOnce(sheet: string): Promise<Face[]> {
  return (await facesFromData(sheet)) ?? readFacesFromCss(sheet);
}

/** The faces of one stylesheet as its CSS declares them (font-data.ts holds them read beforehand). */
export async function readFacesFromCss(sheet: string): Promise<Face[]> {
  const cssPath = require.resolve(sheet);
  const css = await readFile(cssPath, 'utf8');
  const faces: Face[] = [];
  for (const match of css.matchAll(/\/\* ([^*]+) \*\/\s*@font-face \{([^}]*)\}/g)) {
    const [, comment = '', body = ''] = match;
    const get = (name: string): string => new RegExp(`${name}:\\s*([^;]+);`).exec(body)?.[1]?.trim() ?? '';
    const family = get('font-family').replace(/^'|'$/g, '');
    const style = get('font-style') === 'italic' ? 'italic' : 'normal';
    const weight = Number(get('font-weight'));
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(body)?.[1];
    if (!file) continue;
    const slug = family.toLowerCase().replace(/ /g, '-');
    const subset = comment.slice(slug.length + 1).replace(new RegExp(`-${weight}-${style}$`), '');
    faces.push({ family, style, weight, subset, file: join(dirname(cssPath), 'files', file), ranges: parseUnicodeRange(get('unicode-range')) });
  }
  return faces;
}

/** Code points, in any order → sorted ranges. */
export function toRanges(codePoints: Iterable<number>): Range[] {
  const ranges: [number, number][] = [];
  for (const codePoint of [...codePoints].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && codePoint === last[1] + 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return ranges;
}
