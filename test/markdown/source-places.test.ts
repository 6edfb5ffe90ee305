import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';

const DOCUMENT = `---
title: A title
subtitle: A subtitle
---

A paragraph.

- an item
  - an item inside it

| a | b |
|---|---|
| c | d |

\`\`\`
code
\`\`\`
`;

/** The `data-source` of the first element that `open` begins, e.g. \`<li\`. */
function placeOf(html: string, open: string, after = 0): string | undefined {
  const at = html.indexOf(open, after);
  return at < 0 ? undefined : /^[^>]*data-source="(\d+:\d+)"/.exec(html.slice(at))?.[1];
}

describe('the source place of every block', () => {
  it('marks the essay blocks with the line and column they were written at', async () => {
    const { html } = await markdownStringToHtml(DOCUMENT);
    const essay = html.indexOf('<main');
    expect(placeOf(html, '<p', essay)).toBe('6:1');
    expect(placeOf(html, '<li', essay)).toBe('8:1');
    expect(placeOf(html, '<li', html.indexOf('<li', essay) + 1)).toBe('9:3');
    expect(placeOf(html, '<table', essay)).toBe('11:1');
    expect(placeOf(html, '<td', essay)).toBe('13:1');
    expect(placeOf(html, '<pre', essay)).toBe('15:1');
    // Inline elements are not blocks.
    expect(html).not.toMatch(/<(em|code|a|span)[^>]*data-source/);
  });

  it('marks the cover, colophon and back cover with the front matter key they show', async () => {
    const { html } = await markdownStringToHtml(DOCUMENT);
    expect(placeOf(html, '<h1')).toBe('2:1');
    expect(placeOf(html, '<p class="subtitle"')).toBe('3:1');
    expect(placeOf(html, '<p class="title"', html.indexOf('class="colophon"'))).toBe('2:1');
    expect(placeOf(html, '<p class="title"', html.indexOf('class="back-cover"'))).toBe('2:1');
    expect(placeOf(html, '<p class="made-with"')).toBeUndefined();
  });
});
