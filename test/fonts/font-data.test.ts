/**
 * The font catalogue read at compile time (dist/fonts.json, made by the
 * compile vitest runs first) must say what the packages say: the faces their
 * CSS declares and the code points fontkit finds in each file. Every other
 * font test then runs on that data, as the build does.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { readCodePoints } from '../../scripts/fonts/cmap.ts';
import { inRanges, parseUnicodeRange, readFacesFromCss, type Range } from '../../scripts/fonts/faces.ts';
import {
  codePointsFromData,
  facesFromData,
  fontData,
  FONT_DATA_PATH,
  forgetFontData,
  packRanges,
  unpackRanges,
  type FontData,
} from '../../scripts/fonts/font-data.ts';
import { catalogueSheets, writeFontData } from '../../scripts/fonts/make-font-data.ts';

afterEach(() => forgetFontData());

const sorted = (set: ReadonlySet<number>): number[] => [...set].sort((a, b) => a - b);

describe('the font data made at compile time', () => {
  it('has every stylesheet the catalogue may read', async () => {
    const data = JSON.parse(await readFile(FONT_DATA_PATH, 'utf8')) as FontData;
    expect(Object.keys(data.sheets).sort()).toEqual(catalogueSheets());
    expect(catalogueSheets()).toContain('@fontsource/noto-serif-sc/700.css');
  });

  it.each(['@fontsource/source-serif-4/400-italic.css', '@fontsource/noto-naskh-arabic/700.css', '@fontsource/noto-serif/600.css'])(
    'holds the faces %s declares and the code points of each face file',
    async (sheet) => {
      const faces = await facesFromData(sheet);
      expect(faces).toEqual(await readFacesFromCss(sheet));
      for (const face of faces ?? []) expect(sorted((await codePointsFromData(face)) ?? new Set())).toEqual(sorted(await readCodePoints(face.file)));
    },
  );

  it('holds the CJK slices, whose declared ranges are not what their files have', async () => {
    const faces = (await facesFromData('@fontsource/noto-serif-jp/400.css')) ?? [];
    expect(faces.length).toBeGreaterThan(100);
    for (const face of [faces[0], faces[40], faces.at(-1)]) {
      if (!face) throw new Error('missing face');
      const fromFont = await readCodePoints(face.file);
      expect(sorted((await codePointsFromData(face)) ?? new Set())).toEqual(sorted(fromFont));
    }
  });

  it('is not used when it was made from other package versions, or is missing', async () => {
    const data = JSON.parse(await readFile(FONT_DATA_PATH, 'utf8')) as FontData;
    const dir = await mkdtemp(join(tmpdir(), 'font-data-'));
    const stale = join(dir, 'fonts.json');
    await writeFile(stale, JSON.stringify({ ...data, versions: { ...data.versions, '@fontsource/noto-serif-sc': '0.0.1' } }));
    expect(await fontData(stale)).toBeUndefined();
    forgetFontData();
    expect(await fontData(join(dir, 'none.json'))).toBeUndefined();
    forgetFontData();
    expect(await fontData(FONT_DATA_PATH)).toBeDefined();
  });

  it('is kept by the compile while it still stands', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'font-data-')), 'fonts.json');
    expect(await writeFontData({ path, previous: FONT_DATA_PATH })).toBe('kept');
    expect(await readFile(path, 'utf8')).toBe(await readFile(FONT_DATA_PATH, 'utf8'));
  });
});

const rangesArb = fc
  .uniqueArray(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 60 })
  .map((points) => points.sort((a, b) => a - b))
  .map((points) => points.reduce<[number, number][]>((ranges, point, index) => (index % 2 === 1 ? ranges : [...ranges, [point, points[index + 1] ?? point]]), []));

describe('ranges', () => {
  it('pack and unpack to the same ranges', () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        expect(unpackRanges(packRanges(ranges))).toEqual(ranges);
      }),
    );
  });

  it('are searched as a scan of every range would', () => {
    const scan = (ranges: readonly Range[], point: number): boolean => ranges.some(([start, end]) => point >= start && point <= end);
    fc.assert(
      fc.property(rangesArb, fc.integer({ min: 0, max: 0x10ffff }), (ranges, point) => {
        expect(inRanges(ranges, point)).toBe(scan(ranges, point));
        for (const [start, end] of ranges) expect(inRanges(ranges, start) && inRanges(ranges, end)).toBe(true);
      }),
    );
  });

  it('of a unicode-range are joined where they overlap or touch', () => {
    expect(parseUnicodeRange('U+0400-045F, U+0300-0301, U+0460-0470, U+0302, U+0450-0455, U+1E??')).toEqual([
      [0x300, 0x302],
      [0x400, 0x470],
      [0x1e00, 0x1eff],
    ]);
  });
});
