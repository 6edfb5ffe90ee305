/**
 * The privacy line: what was removed from which image, so that a person can
 * see it was done ("march.jpg: GPS position, photographer’s name, camera
 * removed"). Printed under the build's table and shown in the gallery.
 */
import { basename } from 'node:path';
import type { Asset } from '../markdown/assets.ts';

/** The words in the order a reader cares about them; others follow as found. */
const ORDER = ['GPS position', 'photographer’s name', 'copyright holder', 'camera', 'camera serial number', 'date taken', 'time', 'thumbnail', 'second picture'];

export interface PrivacyOptions {
  assets: readonly Asset[];
  /** The images were published as they are (`--keep-metadata`). Default: false. */
  keepMetadata?: boolean;
}

/** One line per image the document uses, in the document's order. */
export function privacyLines(options: PrivacyOptions): string[] {
  const { assets, keepMetadata = false } = options;
  return assets.map((asset) => {
    const name = asset.src.includes('/') ? asset.src : basename(asset.path);
    if (asset.removed.length === 0) return `${name}: nothing to remove`;
    const rank = (what: string) => (ORDER.includes(what) ? ORDER.indexOf(what) : ORDER.length);
    const said = [...asset.removed].sort((a, b) => rank(a) - rank(b)).join(', ');
    return keepMetadata ? `${name}: ${said} kept (--keep-metadata)` : `${name}: ${said} removed`;
  });
}
