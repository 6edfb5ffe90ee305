/**
 * "Did you mean": the known word nearest a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours each count
 * one), when it is near enough to be what was meant.
 */

/** The edit distance between two words, an adjacent swap counting one (`frmats` → `formats` is 1). */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number) => rows[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (rows[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The candidate nearest `word`, or undefined when none is near: at most one
 * edit in a word of up to 4 letters, two up to 8, three beyond. Case is ignored.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  const allowed = lower.length <= 4 ? 1 : lower.length <= 8 ? 2 : 3;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}

/** `: did you mean \`build\`?`, or nothing when no candidate is near. */
export function didYouMean(word: string, candidates: Iterable<string>, show: (candidate: string) => string = (c) => c): string {
  const found = closest(word, candidates);
  return found === undefined ? '' : `: did you mean \`${show(found)}\`?`;
}
