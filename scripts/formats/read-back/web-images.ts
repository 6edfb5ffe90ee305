/**
 * The web edition carries every image of the text: each of the source's
 * images (SVGs included, which the web shows as images) must be an `<img>` of
 * the page as often as the text holds it. Checked on the HTML written.
 */
import type { LineFault } from './line-ends.ts';
import type { SourceImage } from './source-text.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };
const unescape = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/** The `src` of every `<img>` of an HTML page, as written. */
export function imageSources(html: string): string[] {
  return [...html.matchAll(/<img\b[^>]*?\ssrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((match) => unescape(match[1] ?? match[2] ?? match[3] ?? ''));
}

/** The source's images the page does not show (the `page` of each fault is 0: the web edition has one page). */
export function missingWebImages(html: string, images: readonly SourceImage[]): LineFault[] {
  const shown = imageSources(html);
  const faults: LineFault[] = [];
  for (const image of images) {
    const index = shown.indexOf(image.src);
    if (index === -1) faults.push({ page: 0, place: image.place, reason: `the image ${image.src} is not in the web edition` });
    else shown.splice(index, 1);
  }
  return faults;
}
