/**
 * The flip-book's part of the gallery, in the first document's entry: both
 * covers (the second's upright, as its reader sees it) and every sheet side.
 * Its thumbnails/ folder is staged whole, as the document's gallery wrote it
 * plus these, and moved in together with the manifest that names them.
 */
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FlipBook, FlipText } from '../formats/flip-book.ts';
import { FLIP_BOOK_FILE } from '../formats/flip-book.ts';
import { DIAGRAMS_DIR } from '../util/project-root.ts';
import { openStage } from '../util/stage.ts';
import { SHEET_WIDTH } from './document.ts';
import type { ThumbnailDrawer } from './drawer.ts';
import { MANIFEST, THUMBNAILS, readManifest, type Manifest } from './manifest.ts';

/** The diagram of docs/printing the flip-book's section shows. */
export const FLIP_BOOK_DIAGRAM = 'flip-book.png';

/** The reading edition's first thumbnail: the cover, as the document's gallery drew it. */
const coverOf = (manifest: Manifest) => manifest.formats.find((entry) => entry.format === 'reading')?.thumbnails[0];

/** Adds the flip-book to the first text's gallery entry; does nothing when either text has no gallery entry with its cover. */
export async function addFlipBookToGallery(options: { first: FlipText; second: FlipText; flipBook: FlipBook; drawer: ThumbnailDrawer }): Promise<void> {
  const { first, second, flipBook, drawer } = options;
  const [own, other] = await Promise.all([readManifest(first.dir), readManifest(second.dir)]);
  const ownCover = own && coverOf(own);
  const otherCover = other && coverOf(other);
  if (own === undefined || other === undefined || ownCover === undefined || otherCover === undefined) return;
  const sides = await drawer.draw(flipBook.pdf, SHEET_WIDTH);
  const stage = await openStage(first.dir);
  try {
    await cp(join(first.dir, THUMBNAILS), join(stage.dir, THUMBNAILS), { recursive: true, verbatimSymlinks: true });
    const thumbnails = await Promise.all(
      sides.map(async (png, i) => {
        const file = `${THUMBNAILS}/flip-book-${i + 1}.png`;
        await stage.write(file, png);
        return file;
      }),
    );
    const backCover = `${THUMBNAILS}/flip-book-back-cover.png`;
    await stage.write(backCover, await readFile(join(second.dir, otherCover)));
    const diagram = `${THUMBNAILS}/${FLIP_BOOK_DIAGRAM}`;
    await stage.write(diagram, await readFile(join(DIAGRAMS_DIR, FLIP_BOOK_DIAGRAM)));
    const manifest: Manifest = {
      ...own,
      diagrams: { ...own.diagrams, [FLIP_BOOK_DIAGRAM]: diagram },
      flipBook: {
        file: FLIP_BOOK_FILE,
        pages: flipBook.pages,
        sheets: flipBook.sheets,
        second: { name: other.name, title: other.title, lang: other.lang, dir: other.dir },
        turned: flipBook.turned,
        covers: [ownCover, backCover],
        thumbnails,
      },
    };
    await stage.write(`${THUMBNAILS}/${MANIFEST}`, `${JSON.stringify(manifest, null, 2)}\n`);
    await stage.commit();
  } catch (error) {
    await stage.discard();
    throw error;
  }
}
