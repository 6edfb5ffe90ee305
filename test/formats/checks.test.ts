import { describe, expect, it } from 'vitest';
import { checkBackMatter, checkSetOnce, checkWhole, isWhole, shortPagesNote } from '../../scripts/formats/checks.ts';
import type { DocumentContext } from '../../scripts/formats/context.ts';
import type { Layout } from '../../scripts/formats/lay-out.ts';
import type { LayoutReport } from '../../scripts/paginate/paginate.ts';
import { ContentError } from '../../scripts/util/errors.ts';
import { wholeReport } from '../helpers/layout-report.ts';

const whole = wholeReport();
// A document of short words: lost text is named by the layout's report alone.
const context = { source: 'source/x.md', markdown: { tree: { type: 'root', children: [{ type: 'text', value: 'Short words.' }] }, file: { value: 'Short words.' } } } as unknown as DocumentContext;
const layout = (report: Partial<LayoutReport>) => ({ report: { ...whole, ...report }, trim: 'reading' }) as Layout;

describe('the checks before printing', () => {
  it('pass a layout with every letter on a page and every note by its call', () => {
    expect(isWhole(whole)).toBe(true);
    expect(() => checkWhole(context, layout({}))).not.toThrow();
    expect(() => checkBackMatter('source/x.md', whole)).not.toThrow();
  });

  it('refuse lost letters, saying how many', () => {
    expect(isWhole({ ...whole, printedLetters: 940 })).toBe(false);
    expect(() => checkWhole(context, layout({ printedLetters: 940 }))).toThrow(
      /^source\/x\.md: the reading layout lost 60 of 1000 letters/,
    );
    expect(() => checkWhole(context, layout({ printedLetters: 940, lost: [{ page: 4, text: 'const strike' }] }))).toThrow(
      /lost 60 of 1000 letters from page 4, at "const strike…": something there cannot be broken/,
    );
    const block = { source: '12:1', kind: 'code', characters: 400, longestWord: 12, longestLink: 0, longestCodeLine: 371, columns: 0, listDepth: 0 } as const;
    expect(() => checkWhole(context, layout({ printedLetters: 940, lost: [{ page: 4, text: 'const strike', block }] }))).toThrow(
      /^source\/x\.md:12:1: the reading layout lost 60 of 1000 letters from page 4, at "const strike…": a line of code of 371 characters/,
    );
  });

  it('refuse text set twice, beyond the hyphens of words broken across pages', () => {
    // 12 pages: up to 24 hyphens of words broken across pages.
    expect(isWhole({ ...whole, printedLetters: 1024 })).toBe(true);
    expect(isWhole({ ...whole, printedLetters: 1900 })).toBe(false);
    expect(() => checkSetOnce(context, layout({ printedLetters: 1024 }))).not.toThrow();
    expect(() => checkSetOnce(context, layout({ printedLetters: 1900 }))).toThrow(
      /^source\/x\.md: the reading layout prints 876 letters more than the text holds and a hyphen or two a page \(1900 letters on 12 pages, for 1000\): some text is set twice/,
    );
    // Where the layout could not be mended by laying it out again, the block and the page are named.
    expect(() => checkSetOnce(context, layout({ printedLetters: 1900, faultyPage: { page: 5, kind: 'twice', breakBefore: '31:1', from: 9000, beginsPage: false } }))).toThrow(
      /^source\/x\.md:31:1: the reading layout prints 876 letters .* some text is set twice at page 5, even laid out again with a page break before this block, a fault of the layout rather than of the text; splitting this paragraph may avoid it$/,
    );
    // A page that begins in that block was ended earlier instead.
    expect(() => checkSetOnce(context, layout({ printedLetters: 1900, faultyPage: { page: 5, kind: 'twice', breakBefore: '31:1', from: 9000, beginsPage: true } }))).toThrow(
      /^source\/x\.md:31:1: .* some text is set twice at page 5, even laid out again with that page ending a line or two earlier, a fault/,
    );
  });

  it('say how many pages end early and why, for the closing table, leaving out the end of the text', () => {
    expect(shortPagesNote(whole)).toBeUndefined();
    const shortPages = [
      { page: 3, lines: 4, reason: 'before a heading' },
      { page: 9, lines: 20, reason: 'end of the text' },
      { page: 12, lines: 5, reason: 'before a heading' },
    ] as const;
    expect(shortPagesNote({ ...whole, shortPages: [...shortPages] })).toBe('2 pages end early: 2 before a heading, which starts the next page');
    expect(shortPagesNote({ ...whole, shortPages: [{ page: 9, lines: 20, reason: 'end of the text' }] })).toBeUndefined();
    expect(shortPagesNote({ ...whole, shortPages: [{ page: 4, lines: 3, reason: 'a line kept with its note' }] })).toBe('1 page ends early: 1 to keep a line on the page of its note');
  });

  it('refuse footnotes cut off or set away from their call, naming the pages', () => {
    expect(() => checkWhole(context, layout({ clippedNotes: [3, 7] }))).toThrow(/footnotes on page 3, 7 do not fit/);
    const away = { note: 'Concern trolling: A disingenuous', notePage: 6, callPage: 5 };
    expect(() => checkWhole(context, layout({ notesAway: [away] }))).toThrow(
      /the footnote "Concern trolling: A disingenuous…" is on page 6, its call on page 5/,
    );
  });

  it('refuse a card of two pages and a page count that does not fold', () => {
    expect(() => checkBackMatter('source/x.md', { ...whole, cardPages: 2 })).toThrow(ContentError);
    expect(() => checkBackMatter('source/x.md', { ...whole, pageCount: 14 })).toThrow(/14 pages, not a multiple of 4/);
  });
});
