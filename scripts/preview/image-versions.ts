import { createHash } from 'node:crypto';
import type { Asset } from '../markdown/assets.ts';

/**
 * The document's HTML with each of its images named by its content
 * (`images/map.png?v=…`, a hash of the bytes it was staged with). The preview
 * lays a save out in the tab of the last layout, and its viewer swaps only
 * pages whose markup changed: a saved image has a new address, so both set it
 * again instead of showing the copy they had.
 */
export function withImageVersions(html: string, assets: readonly Asset[]): string {
  const versions = new Map(assets.map((asset) => [asset.src, createHash('sha256').update(asset.cleaned).digest('hex').slice(0, 12)]));
  return html.replace(/(<img\b[^>]*?\bsrc=")([^"?#]+)"/g, (whole, open: string, src: string) => {
    const version = versions.get(decoded(src));
    return version === undefined ? whole : `${open}${src}?v=${version}"`;
  });
}

/** Text that names an image of the HTML above (a preflight's finding) as its markdown does: without its version. */
export function withoutImageVersions(text: string): string {
  return text.replace(/\?v=[0-9a-f]{12}\b/g, '');
}

/** The src as a path (`a%20b.png` → `a b.png`); as it is when it is no URI. */
function decoded(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
