import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { urlBreaks } from '../../scripts/markdown/url-breaks.ts';

const FRONT = '---\ntitle: T\nlang: de\n---\n\n';

/** The essay's HTML of a paragraph. */
async function essay(markdown: string): Promise<string> {
  const { html } = await markdownStringToHtml(FRONT + markdown + '\n');
  return /<main class="essay[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';
}

/** The URL with a bar at each of its breaks. */
const marked = (url: string): string => {
  let out = url;
  for (const offset of urlBreaks(url).reverse()) out = `${out.slice(0, offset)}|${out.slice(offset)}`;
  return out;
};

describe('breaks in a URL', () => {
  it('come after a slash or a double slash and before a period, underscore, hyphen or other punctuation, never inside a letter run', () => {
    expect(marked('http://www.mlwerke.de/me/me04/me04_459.htm')).toBe('http://|www|.mlwerke|.de/|me/|me04/|me04|_459|.htm');
    expect(marked('https://example.org/marx-engels/a?b=c&d=e#f')).toBe('https://|example|.org/|marx|-engels/|a|?b|=|c|&|d|=|e|#f');
    expect(marked('mailto:someone@example.org')).toBe('mailto:|someone|@example|.org');
  });

  it('are <wbr> in bare URLs, autolinks and link text that is a URL, and add no character to the text', async () => {
    const html = await essay('Bare http://www.mlwerke.de/me/me04/me04_459.htm, auto <https://example.org/a_b> and [https://x.org/y.z](https://x.org/y.z).');
    expect(html).toContain('http://<wbr>www<wbr>.mlwerke<wbr>.de/<wbr>me/<wbr>me04/<wbr>me04<wbr>_459<wbr>.htm</a>,');
    expect(html).toContain('>https://<wbr>example<wbr>.org/<wbr>a<wbr>_b</a>');
    expect(html).toContain('>https://<wbr>x<wbr>.org/<wbr>y<wbr>.z</a>');
    expect(html.replace(/<[^>]*>/g, '')).toContain('Bare http://www.mlwerke.de/me/me04/me04_459.htm, auto https://example.org/a_b and https://x.org/y.z.');
  });

  it('leave code, words and prose with periods and slashes alone', async () => {
    const html = await essay('In `http://example.org/a.b` and either/or, e.g. the end.');
    expect(html).not.toContain('<wbr>');
  });
});
