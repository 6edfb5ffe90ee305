/**
 * The words a reader would search for, as the text-layer measure and the
 * read-back tests take them from a source: the same words a segmenter gives
 * for the whole text, in the same order, and a long text's words without
 * the gigabytes V8 spends when one segmenter walks the whole of it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { printedText, wordsOf } from '../../scripts/bench/source-words.ts';

const wholeText = (text: string, lang: string | undefined): string[] =>
  [...new Set([...new Intl.Segmenter(lang, { granularity: 'word' }).segment(text)].filter((part) => part.isWordLike).map((part) => part.segment))];

describe('wordsOf', () => {
  it('gives the words a segmenter finds in the whole text, in order, in every script of the handout', async () => {
    const { text, lang } = await printedText(join('test', 'fixtures', 'fonts', 'handout', 'handout.md'));
    const words = wordsOf(text, lang);
    expect(words.length).toBeGreaterThan(100);
    expect(words).toEqual(wholeText(text, lang));
    // Thai and Japanese, written without spaces, cut into words by the segmenter's dictionary.
    expect(wordsOf('ภาษาไทยง่ายนิดเดียว\nこんにちは世界', 'th')).toEqual(wholeText('ภาษาไทยง่ายนิดเดียว\nこんにちは世界', 'th'));
  });

  // Walked whole, the text takes 40 s (each segment copies it) and, kept, 4 GB: the test's worker runs out of memory.
  it('takes the words of Common Sense (93,000 characters) in little time and memory', async () => {
    const { text, lang } = await printedText(join('test', 'fixtures', 'corpus', 'common-sense.md'));
    expect(text.length).toBeGreaterThan(90_000);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const words = wordsOf(text, lang);
    const seconds = (performance.now() - started) / 1000;
    const grown = process.memoryUsage().rss - before;
    expect(words.length).toBeGreaterThan(3000);
    expect(words).toContain('independance');
    expect(grown, `${Math.round(grown / 1e6)} MB`).toBeLessThan(300e6);
    expect(seconds).toBeLessThan(15);
  }, 60_000);
});
