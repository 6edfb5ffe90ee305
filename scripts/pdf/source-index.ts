/**
 * Whether a text holds a piece, answered as `text.includes(piece)` would,
 * in about constant time a piece: where each three UTF-16 code units stand
 * in the text is listed once, lazily, at the first piece asked, by a hash
 * of the three (two passes over the text, no list of its own for each);
 * a piece is then compared only where its rarest three's hash stands. A
 * piece shorter than three is searched for whole.
 */

const GRAM = 3;

/** The hash of the three code units from `at`, below `buckets` (a power of two). */
const hashAt = (text: string, at: number, buckets: number): number =>
  ((Math.imul(Math.imul(text.charCodeAt(at), 0x9e3779b1) ^ text.charCodeAt(at + 1), 0x85ebca6b) ^ Math.imul(text.charCodeAt(at + 2), 0xc2b2ae35)) >>> 0) & (buckets - 1);

/** Where each three code units of `text` start, grouped by hash: bucket h's places are places[starts[h]] to places[starts[h + 1]]. */
interface Grams {
  buckets: number;
  starts: Int32Array;
  places: Int32Array;
}

function gramsOf(text: string): Grams {
  const count = Math.max(0, text.length - GRAM + 1);
  let buckets = 1024;
  while (buckets < count) buckets *= 2;
  const starts = new Int32Array(buckets + 1);
  for (let at = 0; at < count; at += 1) {
    const bucket = hashAt(text, at, buckets) + 1;
    starts[bucket] = (starts[bucket] as number) + 1;
  }
  for (let bucket = 0; bucket < buckets; bucket += 1) starts[bucket + 1] = (starts[bucket + 1] as number) + (starts[bucket] as number);
  const filled = starts.slice(0, buckets);
  const places = new Int32Array(count);
  for (let at = 0; at < count; at += 1) {
    const bucket = hashAt(text, at, buckets);
    places[filled[bucket] as number] = at;
    filled[bucket] = (filled[bucket] as number) + 1;
  }
  return { buckets, starts, places };
}

/** A test of whether `text` holds a piece (see above). */
export function sourceIndex(text: string): (piece: string) => boolean {
  let grams: Grams | undefined;
  return (piece) => {
    if (piece.length < GRAM) return text.includes(piece);
    grams ??= gramsOf(text);
    const { buckets, starts, places } = grams;
    // The piece's rarest three (by hash), and where they stand in it.
    let [from, to, offset] = [0, Infinity, 0];
    for (let at = 0; at + GRAM <= piece.length; at += 1) {
      const bucket = hashAt(piece, at, buckets);
      const [first, end] = [starts[bucket] as number, starts[bucket + 1] as number];
      if (first === end) return false;
      if (end - first < to - from) [from, to, offset] = [first, end, at];
    }
    for (let index = from; index < to; index += 1) if (text.startsWith(piece, (places[index] as number) - offset)) return true;
    return false;
  };
}
