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
import { codePointsIn } from './cmap.ts';
import { inRanges, toRanges, type Face, type Range } from './faces.ts';

/** Characters that need no glyph (the same test as plan.ts's needsGlyph). */
const noGlyph = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/u;

/** A letter with its marks: as written, and the code points of each spelling a font may draw it by. */
export interface Cluster {
  text: string;
  /** Its characters that need a glyph, as written. */
  own: number[];
  /** `own`, then its precomposed form where that is shorter (HarfBuzz composes). */
  spellings: number[][];
}

/** The code points of a cluster that need a glyph. */
export function clusterCodePoints(cluster: string): number[] {
  return [...cluster].filter((char) => !noGlyph.test(char)).map((char) => char.codePointAt(0) ?? 0);
}

/**
 * The distinct clusters of the text made of a letter or sign and one or more
 * combining marks: each base and the marks after it (a regular expression
 * rather than Intl.Segmenter, which takes half a second on a Declaration in
 * Devanagari; the marks on one base are what must come from one font).
 */
export function markedClusters(text: string): Cluster[] {
  const found = new Map<string, Cluster>();
  for (const [segment] of text.matchAll(/\P{M}\p{M}+/gu)) {
    if (found.has(segment)) continue;
    const own = clusterCodePoints(segment);
    if (own.length < 2) continue;
    const composed = clusterCodePoints(segment.normalize('NFC'));
    found.set(segment, { text: segment, own, spellings: composed.length < own.length ? [own, composed] : [own] });
  }
  return [...found.values()];
}

/** Whether a face declared for `ranges` draws the whole cluster: it is tried for it, and it has a spelling of it. */
export function drawsWhole(ranges: readonly Range[], cluster: Cluster): boolean {
  if (!cluster.own.some((codePoint) => inRanges(ranges, codePoint))) return false;
  return cluster.spellings.some((spelling) => spelling.every((codePoint) => inRanges(ranges, codePoint)));
}

export interface ClusterFaces {
  /** Faces to add, each declared for the clusters it draws and nothing else. */
  faces: { face: Face; ranges: Range[] }[];
  /** The clusters no candidate face draws whole, as written. */
  undrawn: string[];
}

/**
 * Faces for the marked clusters that no face of `placed` draws whole: for
 * each, the first of `candidates` whose font has a spelling of it.
 */
export async function clusterFaces(clusters: readonly Cluster[], placed: readonly { ranges: readonly Range[] }[], candidates: readonly Face[]): Promise<ClusterFaces> {
  const wanted = new Map<Face, Set<number>>();
  const undrawn: string[] = [];
  const cmaps: { face: Face; cmap: ReadonlySet<number> }[] = [];
  for (const cluster of clusters) {
    if (placed.some(({ ranges }) => drawsWhole(ranges, cluster))) continue;
    // The candidates' cmaps are read once, when a first cluster needs them.
    if (cmaps.length === 0) for (const face of candidates) cmaps.push({ face, cmap: await codePointsIn(face) });
    let drawer: { face: Face; spelling: number[] } | undefined;
    for (const { face, cmap } of cmaps) {
      const spelling = cluster.spellings.find((codePoints) => codePoints.every((codePoint) => cmap.has(codePoint)));
      if (spelling) {
        drawer = { face, spelling };
        break;
      }
    }
    if (!drawer) {
      undrawn.push(cluster.text);
      continue;
    }
    const set = wanted.get(drawer.face) ?? new Set<number>();
    // The cluster's own characters, so the face is tried for it, and those of the spelling it draws.
    for (const codePoint of [...cluster.own, ...drawer.spelling]) set.add(codePoint);
    wanted.set(drawer.face, set);
  }
  const faces = [...wanted].map(([face, codePoints]) => ({ face, ranges: toRanges(codePoints) }));
  return { faces, undrawn };
}
