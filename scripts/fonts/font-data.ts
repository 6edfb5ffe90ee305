/**
 * The font catalogue as data, made once when the code is compiled
 * (scripts/setup/compile.mjs writes dist/fonts.json, see make-font-data.ts):
 * every stylesheet's faces with their unicode-ranges, and the code points each
 * face's file really has.
 *
 * Reading them from the packages at every start cost about half a second:
 * fontkit decompresses each WOFF2 file's Brotli in JavaScript to read its cmap,
 * and the CJK stylesheets declare 100 000 unicode-ranges between them. The
 * data changes only with the @fontsource packages, so it is keyed by their
 * versions: data made from other versions, or none at all, is not used, and
 * faces.ts and cmap.ts read the packages themselves as before.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BASE_FAMILIES, SCRIPT_FAMILIES } from './catalog.ts';
import type { Face, Range } from './faces.ts';
import { PROJECT_ROOT } from '../util/project-root.ts';

const require = createRequire(import.meta.url);

/** Bumped whenever the shape below changes, so older files are not misread. */
export const FONT_DATA_FORMAT = 1;

/** Where the compile writes it and the build reads it. */
export const FONT_DATA_PATH = join(PROJECT_ROOT, 'dist', 'fonts.json');

/** One face of a stylesheet: family, style, weight, subset, its file's name in the package's files/, its ranges' index. */
export type FaceRow = [string, 'normal' | 'italic', number, string, string, number];

export interface FontData {
  format: number;
  /** The version of every @fontsource package of the catalogue, as installed when the data was made. */
  versions: Record<string, string>;
  /** Each stylesheet's faces, by the name readFaces takes (`@fontsource/noto-serif-sc/400.css`). */
  sheets: Record<string, FaceRow[]>;
  /** The index of the code points of each face file, by cmapKey (one weight stands for all). */
  cmaps: Record<string, number>;
  /** Every distinct list of ranges, packed (packRanges): unicode-ranges and cmaps alike. */
  ranges: number[][];
}

/** The key of a face's cmap: @fontsource cuts every weight of a family into the same subsets. */
export const cmapKey = (face: Pick<Face, 'family' | 'subset' | 'style'>): string => `${face.family}|${face.subset}|${face.style}`;

/** Sorted ranges → [start, length, gap, length, …]: small numbers, so the file stays small. */
export function packRanges(ranges: readonly Range[]): number[] {
  const packed: number[] = [];
  let end = 0;
  for (const [start, last] of ranges) {
    packed.push(start - end, last - start);
    end = last;
  }
  return packed;
}

export function unpackRanges(packed: readonly number[]): Range[] {
  const ranges: Range[] = [];
  let end = 0;
  for (let index = 0; index + 1 < packed.length; index += 2) {
    const start = end + (packed[index] ?? 0);
    end = start + (packed[index + 1] ?? 0);
    ranges.push([start, end]);
  }
  return ranges;
}

/** The @fontsource packages the catalogue draws on. */
export function fontPackages(): string[] {
  return [...new Set([...BASE_FAMILIES, ...SCRIPT_FAMILIES].map((family) => family.package))].sort();
}

/** Each package's folder and installed version. */
export async function installedPackages(): Promise<Map<string, { dir: string; version: string }>> {
  const entries = await Promise.all(
    fontPackages().map(async (name) => {
      const path = require.resolve(`${name}/package.json`);
      const { version } = JSON.parse(await readFile(path, 'utf8')) as { version: string };
      return [name, { dir: dirname(path), version }] as const;
    }),
  );
  return new Map(entries);
}

/** The data and where the packages are, or undefined when there is no data for the installed packages. */
interface Loaded {
  data: FontData;
  dirs: Map<string, string>;
  unpacked: Map<number, Range[]>;
}

let loaded: Promise<Loaded | undefined> | undefined;

async function load(path: string): Promise<Loaded | undefined> {
  let data: FontData;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as FontData;
  } catch {
    return undefined; // not compiled yet (or unreadable): the packages are read instead
  }
  const installed = await installedPackages();
  if (data.format !== FONT_DATA_FORMAT) return undefined;
  for (const [name, { version }] of installed) if (data.versions[name] !== version) return undefined;
  return { data, dirs: new Map([...installed].map(([name, { dir }]) => [name, dir])), unpacked: new Map() };
}

/** Reads the data once per process; `path` is for tests. */
export function fontData(path = FONT_DATA_PATH): Promise<Loaded | undefined> {
  loaded ??= load(path);
  return loaded;
}

/** Forgets what was read, so the next call reads the file again (tests). */
export function forgetFontData(): void {
  loaded = undefined;
}

function rangesAt(loaded: Loaded, index: number): Range[] {
  let ranges = loaded.unpacked.get(index);
  if (!ranges) {
    ranges = unpackRanges(loaded.data.ranges[index] ?? []);
    loaded.unpacked.set(index, ranges);
  }
  return ranges;
}

/** A stylesheet's faces from the data, or undefined when the data does not have it. */
export async function facesFromData(sheet: string): Promise<Face[] | undefined> {
  const found = await fontData();
  const rows = found?.data.sheets[sheet];
  const dir = found?.dirs.get(sheet.split('/').slice(0, 2).join('/'));
  if (!found || !rows || dir === undefined) return undefined;
  return rows.map(([family, style, weight, subset, file, ranges]) => ({ family, style, weight, subset, file: join(dir, 'files', file), ranges: rangesAt(found, ranges) }));
}

/** The code points a face's file has, from the data, or undefined when the data does not have them. */
export async function codePointsFromData(face: Face): Promise<ReadonlySet<number> | undefined> {
  const found = await fontData();
  const index = found?.data.cmaps[cmapKey(face)];
  if (!found || index === undefined) return undefined;
  const set = new Set<number>();
  for (const [start, end] of rangesAt(found, index)) for (let codePoint = start; codePoint <= end; codePoint += 1) set.add(codePoint);
  return set;
}
