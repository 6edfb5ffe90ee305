/**
 * The gallery as the build takes it (gallery/build-gallery.ts): a page the
 * build did not make is never touched; a gallery's page is marked out of date
 * once, however many documents move in, and written anew only once the build
 * made something. Nothing here draws, so no browser is started.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import type { BuildRow } from '../../scripts/build/row.ts';
import { createGallery } from '../../scripts/gallery/build-gallery.ts';
import { writeGalleryIndex } from '../../scripts/gallery/gallery.ts';
import { STALE_MARK } from '../../scripts/gallery/stale.ts';
import { collectingReporter } from '../../scripts/util/reporter.ts';

/** A browser that never comes up: any drawing would wait on it forever. */
const noBrowser = new Promise<Browser>(() => undefined);
const ROW: BuildRow = { document: 'e', format: 'reading', pages: 4, sheets: undefined, file: 'out/e/reading.pdf', seconds: 1, privacy: [] };

async function open(out: string, wanted = true) {
  const reporter = collectingReporter();
  const gallery = await createGallery({ out, reporter, browser: noBrowser, tabs: 2, limit: (task) => task(), progress: false, wanted });
  return { gallery, reporter };
}

describe('the gallery a build takes', () => {
  it('leaves a page it did not make as it is, says so once, and asks for no tab', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-build-gallery-'));
    const page = '<!doctype html><html><body><p>Our own page</p></body></html>';
    await writeFile(join(out, 'index.html'), page);
    const { gallery, reporter } = await open(out);
    expect(gallery.allowed).toBe(false);
    expect(gallery.spareTabs).toBe(0);
    expect(reporter.lines).toEqual([`${join(out, 'index.html')}: not a page Zinepress made, so it is left as it is and no gallery is written`]);
    expect(gallery.forDocument()).toBeUndefined();
    await gallery.beforeCommit();
    await gallery.finish([ROW]);
    await gallery.close();
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(page);
  });

  it('marks its own page once before the documents move in, and writes it unmarked at the end of a build that made something', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-build-gallery-'));
    await writeGalleryIndex(out);
    const { gallery, reporter } = await open(out);
    expect(gallery.allowed).toBe(true);
    expect(gallery.spareTabs).toBe(1);
    expect(reporter.lines).toEqual([]);
    expect(gallery.forDocument()?.widths).toEqual({ pictureWidth: 150, cardPictureWidth: 153, miniPictureWidth: 77 });
    // Two documents moving in at once: one mark.
    await Promise.all([gallery.beforeCommit(), gallery.beforeCommit()]);
    expect((await readFile(join(out, 'index.html'), 'utf8')).split(STALE_MARK)).toHaveLength(2);
    // A build that made nothing leaves the page marked.
    await gallery.finish([]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toContain(STALE_MARK);
    await gallery.finish([ROW]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).not.toContain(STALE_MARK);
    // Nothing was drawn: the tabs close without waiting for the browser.
    await gallery.close();
  });

  it('asked for none (gallery: false), pictures and draws nothing, asks for no tab and leaves index.html as it was', async () => {
    const out = await mkdtemp(join(tmpdir(), 'zine-build-gallery-'));
    await writeGalleryIndex(out);
    const page = await readFile(join(out, 'index.html'), 'utf8');
    const { gallery, reporter } = await open(out, false);
    expect(gallery.allowed).toBe(false);
    expect(gallery.spareTabs).toBe(0);
    expect(gallery.forDocument()).toBeUndefined();
    await gallery.beforeCommit();
    await gallery.finish([ROW]);
    await gallery.close();
    expect(reporter.lines).toEqual([]);
    expect(await readFile(join(out, 'index.html'), 'utf8')).toBe(page);
  });
});
