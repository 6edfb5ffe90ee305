import type { Root } from 'hast';
import { h } from 'hastscript';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { printSchema } from '../../scripts/markdown/sanitize.ts';
import { card, frontMatter } from './helpers.ts';

const FORBIDDEN = [/<script/i, /<iframe/i, /<style/i, /<object/i, /<embed/i, /\son[a-z]+=/i, /javascript:/i, /url\(/i, /\sstyle=/i];

function sanitize(tree: Root): string {
  const processor = unified().use(rehypeSanitize, printSchema).use(rehypeStringify);
  return processor.stringify(processor.runSync(tree));
}

describe('the print schema (rehype-sanitize)', () => {
  it('strips script, event handlers, javascript: URLs, iframes and styles', () => {
    const html = sanitize({
      type: 'root',
      children: [
        h('script', 'alert(1)'),
        h('p', { onClick: 'steal()', style: 'background: url(https://x.org/a.png)' }, 'text'),
        h('a', { href: 'javascript:alert(1)' }, 'link'),
        h('iframe', { src: 'https://example.org' }, 'frame'),
        h('style', 'body { background: url(https://x.org/a.png) }'),
        h('object', { data: 'x.swf' }, 'object'),
        h('img', { src: 'https://example.org/a.png', srcSet: 'https://example.org/b.png 2x', alt: 'remote' }),
        h('img', { src: 'img/dot.png', alt: 'local' }),
        h('div', { id: 'hijack', className: ['slogans', 'evil'] }, 'slogan'),
        h('section', { id: 'card', className: ['card-front'] }, 'card'),
        h('span', { className: ['footnote', 'fn-1'], dataMark: '*', dataEvil: 'x' }, 'note'),
      ],
    });
    for (const pattern of FORBIDDEN) expect(html).not.toMatch(pattern);
    expect(html).toBe(
      '<p>text</p><a>link</a><img alt="remote"><img src="img/dot.png" alt="local"><div class="slogans">slogan</div>' +
        '<section id="card" class="card-front">card</section><span class="footnote fn-1" data-mark="*">note</span>',
    );
  });
});

describe('markdown never lets active content through', () => {
  it('raw HTML, javascript: links and directive attributes', async () => {
    const body = [
      '<script>alert(1)</script>',
      '',
      'Text <b onclick="x()">bold</b> <img src=x onerror="alert(1)"> [js](javascript:alert(1)) [js2][ref]',
      '',
      '[ref]: JAVASCRIPT:alert(2)',
      '',
      '<iframe src="https://example.org"></iframe>',
      '',
      '<style>p { background: url(https://x.org/a.png) }</style>',
      '',
      ':::slogans{onclick="x()" style="color:red" #card .card-front}',
      'Slogan',
      ':::',
      '',
      'A note[^n].',
      '',
      '[^n]: <script>alert(3)</script> note with [link](javascript:alert(4)).',
    ].join('\n');
    const { html } = await markdownStringToHtml(frontMatter() + body + '\n' + card);
    for (const pattern of FORBIDDEN) expect(html).not.toMatch(pattern);
    expect(html.match(/id="card"/g)).toHaveLength(1);
  });
});
