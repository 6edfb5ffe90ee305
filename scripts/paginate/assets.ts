import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { FileError } from '../util/errors.ts';

/**
 * Copies the document's images beside its HTML, at the same path relative to
 * the source folder as the markdown names them, so the HTML opens from its
 * folder and the browser needs nothing outside it.
 */
export async function stageAssets(stageDir: string, sourceDir: string, assets: readonly string[]): Promise<void> {
  for (const asset of assets) {
    const target = join(stageDir, relative(sourceDir, asset));
    try {
      await mkdir(dirname(target), { recursive: true });
      await copyFile(asset, target);
    } catch (error) {
      throw new FileError(asset, 'copy', error);
    }
  }
}
