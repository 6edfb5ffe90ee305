import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Asset } from '../markdown/assets.ts';
import { FileError } from '../util/errors.ts';

export interface StageAssetsOptions {
  /** The folder the HTML is in. */
  dir: string;
  /** The document's images, as the markdown stage read them. */
  assets: readonly Asset[];
  /** Write the bytes as read, metadata and all, instead of the cleaned ones. Default: false. */
  keepMetadata?: boolean;
}

/**
 * Writes the document's images beside its HTML, at the same path relative to
 * the source folder as the markdown names them, so the HTML opens from its
 * folder and the browser needs nothing outside it. The bytes are those the
 * markdown stage read and checked: no image is opened again here.
 */
export async function stageAssets(options: StageAssetsOptions): Promise<void> {
  const { dir, assets, keepMetadata = false } = options;
  for (const asset of assets) {
    const target = join(dir, ...asset.src.split('/'));
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, keepMetadata ? asset.original : asset.cleaned);
    } catch (error) {
      throw new FileError(target, 'write', error);
    }
  }
}
