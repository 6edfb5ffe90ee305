/**
 * Every raster image of the text is in the printed PDF, inside the text
 * block of its page: each of the source's images, in order, is matched with
 * one the pages draw at its pixel size (either way round: a JPEG's
 * orientation may turn it), and the box it is drawn in (drawn-images.ts) must
 * lie within the page box less the page's margins, give or take a point. An
 * SVG prints as drawing, not as an image, so it is not counted here.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Box } from './drawn-images.ts';
import type { LineFault } from './line-ends.ts';
import type { PrintedPage } from './printed-text.ts';
import type { SourceImage } from './source-text.ts';

interface Sized extends SourceImage {
  width: number;
  height: number;
}

/** How far, in points, an image may reach past its text block: rounding, not a misplaced image. */
export const IMAGE_TOLERANCE = 1;

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

const points = (value: number) => `${Math.round(value * 10) / 10} pt`;

/** How `box` stands out of `block`, in words, or undefined when it lies inside. */
export function outOfBlock(box: Box, block: Box): string | undefined {
  const past = [
    ['left', block.left - box.left],
    ['right', box.right - block.right],
    ['top', block.top - box.top],
    ['bottom', box.bottom - block.bottom],
  ] as const;
  const sides = past.filter(([, by]) => by > IMAGE_TOLERANCE).map(([side, by]) => `${points(by)} past its ${side} edge`);
  return sides.length === 0 ? undefined : sides.join(', ');
}

/**
 * The source's images no page draws, and those drawn outside their page's
 * text block (`blocks`, by page; a page without one is not judged for place).
 */
export function imageFaults(pages: readonly PrintedPage[], images: readonly Sized[], blocks: readonly (Box & { page: number })[] = []): LineFault[] {
  const printed = pages.flatMap((page) => page.images.map((image) => ({ ...image, page: page.number, used: false })));
  const faults: LineFault[] = [];
  for (const image of images) {
    const sized = printed.filter(
      (candidate) =>
        !candidate.used &&
        ((candidate.width === image.width && candidate.height === image.height) || (candidate.width === image.height && candidate.height === image.width)),
    );
    const out = (candidate: (typeof printed)[number]) => {
      const block = blocks.find((each) => each.page === candidate.page);
      return candidate.box && block && outOfBlock(candidate.box, block);
    };
    // The same file may also be the cover's picture, drawn to the sheet's edge: one in place is this one.
    const match = sized.find((candidate) => out(candidate) === undefined) ?? sized[0];
    if (match === undefined) {
      faults.push({ page: 0, place: image.place, reason: `the image ${image.src} (${image.width}×${image.height}) is on no page` });
      continue;
    }
    match.used = true;
    const away = out(match);
    if (away) faults.push({ page: match.page, place: image.place, reason: `the image ${image.src} stands out of the text block, ${away}` });
  }
  return faults;
}
