/**
 * Makes the font catalogue's data (font-data.ts) from the @fontsource
 * packages. scripts/setup/compile.mjs bundles this file and calls
 * writeFontData, so that every install and `npm run build` has data for the
 * packages installed. Reading all 500-odd cmaps takes fontkit seconds, so
 * data made from the same packages for the same stylesheets is kept.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { BASE_FAMILIES, SCRIPT_FAMILIES } from './catalog.ts';
import { readCodePoints } from './cmap.ts';
import { readFacesFromCss } from './faces.ts';
import { cmapKey, FONT_DATA_FORMAT, installedPackages, packRanges, type FaceRow, type FontData } from './font-data.ts';
import { toRanges } from './faces.ts';

/** Every stylesheet plan.ts may read: each base family's styles, each script family's weights upright and italic. */
export function catalogueSheets(): string[] {
  const sheets = new Set<string>();
  for (const base of BASE_FAMILIES) for (const spec of base.styles) sheets.add(`${base.package}/${spec}.css`);
  for (const family of SCRIPT_FAMILIES) {
    for (const weight of family.weights) {
      sheets.add(`${family.package}/${weight}.css`);
      if (family.italic) sheets.add(`${family.package}/${weight}-italic.css`);
    }
  }
  return [...sheets].sort();
}

export async function makeFontData(): Promise<FontData> {
  const installed = await installedPackages();
  const data: FontData = { format: FONT_DATA_FORMAT, versions: Object.fromEntries([...installed].map(([name, { version }]) => [name, version])), sheets: {}, cmaps: {}, ranges: [] };
  // Equal lists share one entry: a CJK family's subsets have the same unicode-ranges at every weight.
  const indexes = new Map<string, number>();
  const indexOf = (packed: number[]): number => {
    const key = packed.join(',');
    let index = indexes.get(key);
    if (index === undefined) {
      index = data.ranges.push(packed) - 1;
      indexes.set(key, index);
    }
    return index;
  };
  for (const sheet of catalogueSheets()) {
    const rows: FaceRow[] = [];
    for (const face of await readFacesFromCss(sheet)) {
      rows.push([face.family, face.style, face.weight, face.subset, basename(face.file), indexOf(packRanges(face.ranges))]);
      const key = cmapKey(face);
      if (!(key in data.cmaps)) data.cmaps[key] = indexOf(packRanges(toRanges(await readCodePoints(face.file))));
    }
    data.sheets[sheet] = rows;
  }
  return data;
}

/** Whether data made before still stands: same format, same package versions, same stylesheets. */
async function stillStands(path: string): Promise<boolean> {
  let data: FontData;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as FontData;
  } catch {
    return false;
  }
  const installed = await installedPackages();
  const versions = [...installed].every(([name, { version }]) => data.versions[name] === version);
  const sheets = Object.keys(data.sheets).sort().join('\n') === catalogueSheets().join('\n');
  return data.format === FONT_DATA_FORMAT && versions && sheets;
}

export interface WriteFontDataOptions {
  /** Where to write it. */
  path: string;
  /** Data made before (the current dist/fonts.json), copied when it still stands. Default: none, always made. */
  previous?: string;
}

/** Writes the data, made anew or kept from `previous`; says which. */
export async function writeFontData(options: WriteFontDataOptions): Promise<'made' | 'kept'> {
  if (options.previous !== undefined && (await stillStands(options.previous))) {
    await writeFile(options.path, await readFile(options.previous));
    return 'kept';
  }
  await writeFile(options.path, JSON.stringify(await makeFontData()));
  return 'made';
}
