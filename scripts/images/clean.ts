/**
 * An image as it is printed: what it says of who made it, where and with
 * what removed, its pixels untouched (jpeg.ts, png.ts: segments and chunks
 * dropped, nothing decoded again), and an SVG written anew from what an
 * allowlist keeps (svg.ts). GIF and WebP lose their comments, EXIF and XMP
 * (gif.ts, webp.ts).
 */
import { cleanGif } from './gif.ts';
import { cleanJpeg } from './jpeg.ts';
import { cleanPng } from './png.ts';
import { cleanSvg } from './svg.ts';
import { cleanWebp } from './webp.ts';

export interface CleanedImage {
  bytes: Uint8Array;
  /** What was removed, in words for the privacy line ("GPS position", "camera"), each once. */
  removed: string[];
}

/** Formats as image-size names them, and SVG. */
export type ImageType = 'png' | 'jpg' | 'gif' | 'webp' | 'svg';

/** The image cleaned, or why an SVG cannot be printed (said to follow "image `x` "). */
export function cleanImage(bytes: Uint8Array, type: ImageType): CleanedImage | { problem: string } {
  if (type === 'jpg') return cleanJpeg(bytes);
  if (type === 'png') return cleanPng(bytes);
  if (type === 'webp') return cleanWebp(bytes);
  if (type === 'gif') return cleanGif(bytes);
  if (type === 'svg') return cleanSvg(new TextDecoder().decode(bytes));
  return { bytes, removed: [] };
}
