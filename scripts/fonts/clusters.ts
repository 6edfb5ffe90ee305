/**
 * Letters with combining marks (`ə̀`, `ṅ` written n + U+0307, `o̱`): Chromium
 * draws a base letter and its marks with one font, the first whose
 * unicode-range holds one of them and that has them all (or the precomposed
 * letter they make). The plan gives every character one face, and
 * @fontsource cuts a family into subsets, so a letter and its mark can fall
 * to two files, neither of which draws both: Chromium then tries every face
 * whose range holds one of them, and prints an empty box in the first.
 *
 * So each such cluster gets a face of its own that has all of it, in a rule
 * the browser tries after every other (fontFaceRules writes these first:
 * of overlapping unicode-ranges, the rule defined last is tried first). A
 * cluster no bundled file draws whole is refused before layout, at its place.
 */
import { inRanges, type Face, type Range } from './faces.ts';
import { codePointsIn } from './cmap.ts';

/** Characters that need no glyph (the same test as plan.ts's needsGlyph). */
const noGlyph = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

const segmenter = new Intl.Segmenter('und', { granularity: 'grapheme' });

/** The code points of a cluster that need a glyph. */
export function clusterCodePoints(cluster: string): number[] {
  return [...cluster].filter((char) => !noGlyph.test(char)).map((char) => char.codePointAt(0) ?? 0);
}

/** The distinct clusters of the text made of a letter or sign and one or more combining marks. */
export function markedClusters(text: string): string[] {
  const found = new Set<string>();
  for (const { segment } of segmenter.segment(text)) {
    if (/\p{M}/u.test(segment) && clusterCodePoints(segment).length > 1) found.add(segment);
  }
  return [...found];
}

/** The ways a font may draw a cluster: its own characters, or its precomposed form (HarfBuzz composes). */
function spellings(cluster: string): number[][] {
  const own = clusterCodePoints(cluster);
  const composed = clusterCodePoints(cluster.normalize('NFC'));
  return composed.length < own.length ? [own, composed] : [own];
}

/** Whether a face declared for `ranges` draws the whole cluster: it is tried for it, and it has a spelling of it. */
export function drawsWhole(ranges: readonly Range[], cluster: string): boolean {
  const own = clusterCodePoints(cluster);
  if (!own.some((codePoint) => inRanges(ranges, codePoint))) return false;
  return spellings(cluster).some((spelling) => spelling.every((codePoint) => inRanges(ranges, codePoint)));
}

export interface ClusterFaces {
  /** Faces to add, each declared for the clusters it draws and nothing else. */
  faces: { face: Face; ranges: Range[] }[];
  /** The clusters no candidate face draws whole. */
  undrawn: string[];
}

/**
 * Faces for the marked clusters that no face of `placed` draws whole: for
 * each, the first of `candidates` whose font has a spelling of it.
 */
export async function clusterFaces(clusters: readonly string[], placed: readonly { ranges: readonly Range[] }[], candidates: readonly Face[]): Promise<ClusterFaces> {
  const wanted = new Map<Face, Set<number>>();
  const undrawn: string[] = [];
  for (const cluster of clusters) {
    if (placed.some(({ ranges }) => drawsWhole(ranges, cluster))) continue;
    let drawer: { face: Face; spelling: number[] } | undefined;
    for (const face of candidates) {
      const cmap = await codePointsIn(face);
      const spelling = spellings(cluster).find((codePoints) => codePoints.every((codePoint) => cmap.has(codePoint)));
      if (spelling) {
        drawer = { face, spelling };
        break;
      }
    }
    if (!drawer) {
      undrawn.push(cluster);
      continue;
    }
    const set = wanted.get(drawer.face) ?? new Set<number>();
    // The cluster's own characters, so the face is tried for it, and those of the spelling it draws.
    for (const codePoint of [...clusterCodePoints(cluster), ...drawer.spelling]) set.add(codePoint);
    wanted.set(drawer.face, set);
  }
  const faces = [...wanted].map(([face, codePoints]) => ({ face, ranges: toSortedRanges(codePoints) }));
  return { faces, undrawn };
}

function toSortedRanges(codePoints: Iterable<number>): Range[] {
  const ranges: [number, number][] = [];
  for (const codePoint of [...codePoints].sort((a, b) => a - b)) {
    const last = ranges.at(-1);
    if (last && codePoint === last[1] + 1) last[1] = codePoint;
    else ranges.push([codePoint, codePoint]);
  }
  return ranges;
}
