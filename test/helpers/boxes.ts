import type { Word } from './pdf.ts';

export interface Box {
  left: number;
  bottom: number;
  right: number;
  top: number;
}

/**
 * The box a word's glyphs cover on the page, whatever its rotation: from its
 * baseline origin along its direction for its width, and up for its height.
 */
export function wordBox(word: Word & { transform: number[] }): Box {
  const [a, b, c, d, x, y] = word.transform as [number, number, number, number, number, number];
  const along = Math.hypot(a, b) || 1;
  const up = Math.hypot(c, d) || 1;
  const dx = (a / along) * word.width;
  const dy = (b / along) * word.width;
  const ux = (c / up) * word.height;
  const uy = (d / up) * word.height;
  const xs = [x, x + dx, x + ux, x + dx + ux];
  const ys = [y, y + dy, y + uy, y + dy + uy];
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

export type Quarter = 0 | 90 | 180 | 270;

/** How the word is turned on the page, counter-clockwise, from its text matrix. */
export function turnOf(word: { transform: number[] }): Quarter {
  const [a = 1, b = 0] = word.transform;
  const degrees = Math.round((Math.atan2(b, a) * 180) / Math.PI);
  return (((degrees % 360) + 360) % 360) as Quarter;
}
