import { describe, expect, it } from 'vitest';
import { slug, Slugger } from '../../scripts/markdown/heading-ids.ts';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { card } from './helpers.ts';

describe('heading ids', () => {
  it.each([
    ['How to Send Mail to Chrystul Kizer', 'how-to-send-mail-to-chrystul-kizer'],
    ['#1 - Prepare Your Envelope:', '1-prepare-your-envelope'],
    ['Women’s Day', 'womens-day'],
    ['Ça va, señor?', 'ca-va-senor'],
    ['Слава труду', 'слава-труду'],
    ['in\u00ADter\u00ADna\u00ADtion\u00ADal', 'international'],
    ['!!!', ''],
  ])('%s → %s', (text, expected) => {
    expect(slug(text)).toBe(expected);
  });

  it('are unique, and never "card"', () => {
    const slugger = new Slugger();
    expect(['Card', 'Notes', 'Notes', 'Notes', '???'].map((text) => slugger.next(text))).toEqual(['card-1', 'notes', 'notes-1', 'notes-2', 'section']);
  });

  it('leave a footnote called in a heading out of its text and id', async () => {
    const { headings } = await markdownStringToHtml(`---\ntitle: T\n---\n\n## Solidarity[^n] forever\n\nText.\n\n[^n]: A note.\n${card}`);
    expect(headings).toEqual([
      { depth: 1, text: 'T', id: 't' },
      { depth: 2, text: 'Solidarity forever', id: 'solidarity-forever' },
    ]);
  });

  it('keep a heading that calls a note even when only definitions follow it', async () => {
    const { headings } = await markdownStringToHtml(`---\ntitle: T\n---\n\n## Solidarity[^n]\n\n[^n]: A note.\n${card}`);
    expect(headings.map((heading) => heading.text)).toEqual(['T', 'Solidarity']);
  });
});
