import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/**
 * The document's HTML with each of its images named by the time it was last
 * saved (`images/map.png?v=…`). The preview lays a save out in the tab of the
 * last layout, and its viewer swaps only pages whose markup changed: a saved
 * image has a new address, so both set it again instead of showing the copy
 * they had.
 */
export async function withImageVersions(html: string, sourceDir: string, assets: readonly string[]): Promise<string> {
  const versions = new Map(await Promise.all(assets.map(async (asset) => [asset, Math.round((await stat(asset)).mtimeMs)] as const)));
  return html.replace(/(<img\b[^>]*?\bsrc=")([^"?#]+)"/g, (whole, open: string, src: string) => {
    const version = versions.get(resolve(sourceDir, decodeURI(src)));
    return version === undefined ? whole : `${open}${src}?v=${version}"`;
  });
}
