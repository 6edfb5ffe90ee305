/**
 * The front matter's `cover:` image, checked as every image of the essay is
 * (assets.ts, image-check.ts): a file inside the essay's folder that opens as
 * an image. A problem is an error at the `cover` key. A good image is added to
 * `file.data.assets` (the renderer may load it) and its src, relative to the
 * essay, goes on `file.data.coverImage` for the cover (cover-colophon.ts).
 * Runs after remarkLocalAssets, which sets `file.data.assets`.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { checkLocalImage, imageFolder } from './assets.ts';
import { error, stopOnErrors } from './messages.ts';

export function remarkCoverImage() {
  return async (_tree: Root, file: VFile): Promise<void> => {
    const url = file.data.frontMatter?.cover;
    if (url === undefined) return;
    const assets = file.data.assets ?? [];
    const checked = await checkLocalImage(url, { ...(await imageFolder(file)), opened: new Map(assets.map((asset) => [asset.path, asset])) });
    if ('problem' in checked) {
      const places = file.data.frontMatterPlaces;
      error(file, `front matter: \`cover\`: image \`${url}\` ${checked.problem}`, places?.keys['cover'] ?? places?.block, 'image');
      stopOnErrors(file);
      return;
    }
    if (!assets.some((asset) => asset.path === checked.path)) file.data.assets = [...assets, checked];
    file.data.coverImage = checked.src;
  };
}
