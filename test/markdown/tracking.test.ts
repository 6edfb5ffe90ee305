import { describe, expect, it } from 'vitest';
import { trackingProblem } from '../../scripts/markdown/tracking.ts';
import { warningsOf } from './helpers.ts';

describe('links that track their readers', () => {
  it('get a warning at their place with the clean address', async () => {
    const text = [
      '---',
      'title: X',
      'url: https://example.org/zine?utm_source=flyer&utm_medium=print',
      '---',
      '',
      'See [the call](https://example.org/call?id=7&fbclid=IwAR0abc#when) and',
      '[the shop](https://bit.ly/3abcde).',
      '',
      '[ref]: https://example.org/ref?gclid=xyz&mc_eid=123',
      '',
      'Plain [link](https://example.org/page?id=7) and [video](https://youtu.be/abc?si=Zx1) and [x][ref].',
      '',
    ].join('\n');
    const warnings = (await warningsOf(text, 'essay.md')).filter((line) => line.includes('track') || line.includes('shortener'));
    expect(warnings).toEqual([
      'essay.md:3:1: front matter: `url` (the QR code) `https://example.org/zine?utm_source=flyer&utm_medium=print` carries tracking parameters (utm_source, utm_medium) that tell the site where each reader came from; use the clean address https://example.org/zine',
      'essay.md:6:5: link `https://example.org/call?id=7&fbclid=IwAR0abc#when` carries tracking parameters (fbclid) that tell the site where each reader came from; use the clean address https://example.org/call?id=7#when',
      'essay.md:7:1: link `https://bit.ly/3abcde` goes through the link shortener bit.ly, which logs every reader who follows it; link to the address it leads to instead',
      'essay.md:9:1: link `https://example.org/ref?gclid=xyz&mc_eid=123` carries tracking parameters (gclid, mc_eid) that tell the site where each reader came from; use the clean address https://example.org/ref',
      'essay.md:11:49: link `https://youtu.be/abc?si=Zx1` carries tracking parameters (si) that tell the site where each reader came from; use the clean address https://youtu.be/abc',
    ]);
  });

  it.each([
    ['https://example.org/?igshid=abc', 'https://example.org/'],
    ['https://www.instagram.com/p/x/?igsh=abc', 'https://www.instagram.com/p/x/'],
    ['https://example.org/a?UTM_Campaign=x&page=2', 'https://example.org/a?page=2'],
  ])('%s is cleaned to %s', (url, clean) => {
    expect(trackingProblem(url)).toContain(`use the clean address ${clean}`);
  });

  it.each(['https://example.org/?id=7', 'https://example.org/search?q=utm_source', 'mailto:a@example.org?subject=hi', 'https://example.org/watch?si=1'])(
    '%s is left alone',
    (url) => expect(trackingProblem(url)).toBeUndefined(),
  );
});
