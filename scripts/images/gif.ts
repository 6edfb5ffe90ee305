/**
 * A GIF without what it says of its maker, its pixels untouched: comment
 * extensions and application extensions other than the animation loop
 * (NETSCAPE2.0, ANIMEXTS1.0) go, XMP among them, and anything after the
 * trailer. Blocks are walked as GIF89a lays them out.
 */
import { concat } from './bytes.ts';
import type { CleanedImage } from './clean.ts';

const LOOPS = new Set(['NETSCAPE2.0', 'ANIMEXTS1.0']);

export function cleanGif(gif: Uint8Array): CleanedImage {
  const header = String.fromCharCode(...gif.subarray(0, 6));
  if ((header !== 'GIF87a' && header !== 'GIF89a') || gif.length < 13) return { bytes: gif, removed: [] };
  const removed = new Set<string>();
  const packed = gif[10] ?? 0;
  let at = 13 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0);
  const out: Uint8Array[] = [gif.subarray(0, at)];
  /** The end of the data sub-blocks that start at `from`. */
  const subBlocksEnd = (from: number): number => {
    let p = from;
    while (p < gif.length && gif[p] !== 0) p += (gif[p] ?? 0) + 1;
    return Math.min(gif.length, p + 1);
  };
  let ended = false;
  while (at < gif.length) {
    const kind = gif[at];
    if (kind === 0x3b) {
      out.push(gif.subarray(at, at + 1));
      at += 1;
      ended = true;
      break;
    }
    if (kind === 0x2c) {
      const local = gif[at + 9] ?? 0;
      const start = at + 10 + (local & 0x80 ? 3 * 2 ** ((local & 0x07) + 1) : 0) + 1;
      const end = subBlocksEnd(start);
      out.push(gif.subarray(at, end));
      at = end;
    } else if (kind === 0x21) {
      const label = gif[at + 1];
      const end = subBlocksEnd(at + 2);
      const application = label === 0xff ? String.fromCharCode(...gif.subarray(at + 3, at + 14)) : '';
      if (label === 0xfe) removed.add('comment');
      else if (label === 0xff && !LOOPS.has(application)) removed.add(application.startsWith('XMP') ? 'XMP metadata' : 'maker data');
      else out.push(gif.subarray(at, end));
      at = end;
    } else break; // damaged: what follows is not kept
  }
  if (!ended) out.push(Uint8Array.of(0x3b));
  if (at < gif.length) removed.add('data after the picture');
  return { bytes: concat(out), removed: [...removed] };
}
