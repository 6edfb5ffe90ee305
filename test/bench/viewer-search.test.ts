/**
 * The viewer search the text-layer tests rely on finds what a page shows and
 * nothing else: a PDF made here with pdf-lib, one word per page, a word
 * hyphenated at a line end.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { openViewerSearch } from '../../scripts/bench/viewer-search.ts';

async function pdfOf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([300, 300]);
    lines.forEach((line, index) => page.drawText(line, { x: 20, y: 260 - index * 20, size: 12, font }));
  }
  return doc.save();
}

describe('openViewerSearch', () => {
  it('finds each word on its page, across a hyphen at a line end, and not a word that is not there', async () => {
    const search = await openViewerSearch(await pdfOf([['solidarity forever'], ['mutual aid is a traf-', 'ficked word here']]));
    expect(await search.pagesOf('solidarity')).toEqual([1]);
    expect(await search.pagesOf('Mutual Aid')).toEqual([2]);
    expect(await search.pagesOf('trafficked')).toEqual([2]);
    expect(await search.pagesOf('strike')).toEqual([]);
    await search.close();
  });

  it('says whether a word is found as the pages it is found on say, trying the page of the last word found first', async () => {
    const search = await openViewerSearch(await pdfOf([['solidarity forever'], ['mutual aid is a traf-', 'ficked word here'], ['solidarity again']]));
    expect(await search.finds('trafficked')).toBe(true);
    expect(await search.finds('forever')).toBe(true);
    expect(await search.finds('strike')).toBe(false);
    expect(await search.finds('Mutual Aid')).toBe(true);
    // The search for the pages is not cut short by the one before.
    expect(await search.pagesOf('solidarity')).toEqual([1, 3]);
    expect(await search.finds('again')).toBe(true);
    // Found first on the page the last word was found on (3), and on page 1 too for the pages.
    expect(await search.finds('SOLIDARITY')).toBe(true);
    expect(await search.pagesOf('solidarity')).toEqual([1, 3]);
    await search.close();
  });
});
