import { describe, expect, it } from 'vitest';
import { buildDocument, mirrorPageSides, RUNNING_TITLE_MAX, runningTitle } from '../../scripts/paginate/document.ts';

const options = { body: '<main class="essay"><p>x</p></main>', title: 'T', lang: 'he', paper: 'letter', footnotes: 'stars', fontFaces: '' } as const;

describe('the document of a right-to-left zine', () => {
  it('swaps the sides of @page :left and :right rules, and only those', () => {
    const css = '@page :left { margin-left: 1in; @bottom-left { content: counter(page); } }\n@page :right{ margin-right: 1in; }\n@page designed { @top-left { content: none; } }\n.x { left: 0; }';
    expect(mirrorPageSides(css)).toBe(
      '@page :right { margin-left: 1in; @bottom-left { content: counter(page); } }\n@page :left{ margin-right: 1in; }\n@page designed { @top-left { content: none; } }\n.x { left: 0; }',
    );
  });

  it('sets the root right to left and styles its odd pages as left-hand pages', async () => {
    const rtl = await buildDocument({ ...options, dir: 'rtl' });
    const ltr = await buildDocument(options);
    expect(rtl).toMatch(/<html lang="he" dir="rtl"/);
    expect(ltr).toMatch(/<html lang="he" dir="ltr"/);
    // page.css gives the folio of a left-hand page its bottom-left box; an RTL odd page (Paged.js's :right) gets it.
    const folioRule = (html: string) => /@page :(left|right) \{\s*margin-left: 0\.5in;/.exec(html)?.[1];
    expect(folioRule(ltr)).toBe('left');
    expect(folioRule(rtl)).toBe('right');
  });
});

describe('the running header', () => {
  it('is the title up to its colon', () => {
    expect(runningTitle('Unifying the struggle: notes on organising')).toBe('Unifying the struggle');
  });

  it('cuts a long title after a whole word and marks the cut', () => {
    const title = 'solidarity internationalism organisation workers movement struggle collective bargaining';
    const head = runningTitle(title);
    expect(head.length).toBeLessThanOrEqual(RUNNING_TITLE_MAX + 1);
    expect(head).toBe('solidarity internationalism organisation workers…');
    expect(title.startsWith(head.slice(0, -1))).toBe(true);
  });

  it('cuts a title of one long word within the limit', () => {
    expect(runningTitle('x'.repeat(300))).toBe(`${'x'.repeat(RUNNING_TITLE_MAX)}…`);
  });
});
