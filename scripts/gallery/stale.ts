/**
 * The gallery while a build replaces what it shows. Documents are moved into
 * place one by one, their thumbnails after them, and output/index.html is
 * written last: a build stopped in between (Ctrl-C, SIGTERM, a failure) would
 * leave a page that shows the old version beside the new files. So before the
 * first document is moved in, the page is marked out of date, atomically; the
 * index written at the end has no mark.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-atomic.ts';

/** The mark, first thing in the page's body. */
export const STALE_MARK = '<p class="stale" role="alert" style="margin:0;padding:0.6em 1em;background:#fde68a;color:#111;font:bold 1rem sans-serif">';

const STALE_TEXT = 'Out of date: a build was stopped while it replaced these files, so the pages and counts below may be of an older version. Run zine build again.';

/** Marks `<out>/index.html` out of date, if there is one and it is not marked yet. Call only where the gallery may be written (galleryAllowed). */
export async function markGalleryStale(out: string): Promise<void> {
  const path = join(out, 'index.html');
  const page = await readFile(path, 'utf8').catch(() => undefined);
  if (page === undefined || page.includes(STALE_MARK) || !page.includes('<body>')) return;
  // A folder that cannot take the mark cannot take the document either: the commit after this
  // meets the same fault and reports it, naming the document's folder, so it is not reported here.
  await writeFileAtomic(path, page.replace('<body>', `<body>\n${STALE_MARK}${STALE_TEXT}</p>`)).catch(() => undefined);
}
