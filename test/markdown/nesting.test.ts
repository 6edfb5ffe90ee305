/**
 * The markdown stage's bounds, outside the CLI: nesting and runs past their
 * limits stop at their place in well under a second; note marks stay short.
 */
import { describe, expect, it } from 'vitest';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { errorsOf } from './helpers.ts';

const FRONT = '---\ntitle: T\n---\n\n';

async function timedErrors(text: string): Promise<{ errors: string[]; ms: number }> {
  const started = performance.now();
  const errors = await errorsOf(FRONT + text, 'x.md');
  return { errors, ms: performance.now() - started };
}

describe('nesting limits', () => {
  it('blockquotes, over several lines too', async () => {
    const lines = Array.from({ length: 150 }, (_, i) => `${'> '.repeat(i + 1)}q`).join('\n');
    const { errors, ms } = await timedErrors(`${lines}\n`);
    // The first line past the limit is named, with its own depth.
    expect(errors).toEqual(['x.md:105:201: blockquotes nested 101 deep; the limit is 100']);
    expect(ms).toBeLessThan(2000);
  });

  it('lists nested by indentation, line after line', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    const { errors } = await timedErrors(`${lines}\n`);
    expect(errors).toEqual(['x.md:105:201: lists nested 120 deep; the limit is 100']);
  });

  it('links inside links and strong emphasis', async () => {
    const strong = `${'**a '.repeat(150)}b${' c**'.repeat(150)}`;
    expect((await timedErrors(`${strong}\n`)).errors).toEqual(['x.md:5:401: strong emphasis marks nested 150 deep; the limit is 100']);
  });

  it('lets 100 levels and a thematic break of 100 stars through', async () => {
    await expect(markdownStringToHtml(`${FRONT}${'>'.repeat(100)} deep\n\n${'*'.repeat(100)}\n`)).resolves.toBeDefined();
  });
});

describe('note marks', () => {
  it('are *, ** and ***, then numbers, as the print draws them', async () => {
    const calls = Array.from({ length: 5 }, (_, i) => `w[^${i}]`).join(' ');
    const notes = Array.from({ length: 5 }, (_, i) => `[^${i}]: n${i}`).join('\n');
    const { html } = await markdownStringToHtml(`${FRONT}${calls}\n\n${notes}\n`);
    expect([...html.matchAll(/data-mark="([^"]*)"/g)].map((found) => found[1])).toEqual(['*', '**', '***', '4', '5']);
  });
});
