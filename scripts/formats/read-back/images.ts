/**
 * Every raster image of the text is in the printed PDF: each of the source's
 * images, in order, is matched with one the pages draw at its pixel size
 * (either way round: a JPEG's orientation may turn it). An SVG prints as
 * drawing, not as an image, so it is not counted here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LineFault } from './line-ends.ts';
import type { PrintedPage } from './printed-text.ts';
import type { SourceImage } from './source-text.ts';

interface Sized extends SourceImage {
  width: number;
  height: number;
}

/** The source's raster images with their pixel sizes, read from the staged files (`dir`). */
export async function sizedImages(dir: string, images: readonly SourceImage[]): Promise<Sized[]> {
  const { imageSize } = await import('image-size');
  const sized: Sized[] = [];
  for (const image of images) {
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, decodeURIComponent(image.src)));
    } catch {
      continue; // checked and staged before layout; a file gone now is not the layout's to judge
    }
    const header = (() => {
      try {
        return imageSize(bytes);
      } catch {
        return undefined;
      }
    })();
    if (header === undefined || header.type === 'svg' || !header.width || !header.height) continue;
    sized.push({ ...image, width: header.width, height: header.height });
  }
  return sized;
}

export function missingImages(pages: readonly PrintedPage[], images: readonly Sized[]): LineFault[] {
  const printed = pages.flatMap((page) => page.images.map((image) => ({ ...image, page: page.number, used: false })));
  const faults: LineFault[] = [];
  for (const image of images) {
    const match = printed.find(
      (candidate) =>
        !candidate.used &&
        ((candidate.width === image.width && candidate.height === image.height) || (candidate.width === image.height && candidate.height === image.width)),
    );
    if (match !== undefined) match.used = true;
    else faults.push({ page: 0, place: image.place, reason: `the image ${image.src} (${image.width}×${image.height}) is on no page` });
  }
  return faults;
}
