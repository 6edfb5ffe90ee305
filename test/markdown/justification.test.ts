/**
 * The one decision of justified or ragged (markdown/justification.ts), as the
 * essay's HTML carries it: the class `ragged` on <main class="essay"> for the
 * languages docs/justification.md measured opening holes when justified, and
 * on a Korean quotation in an English text.
 */
import { describe, expect, it } from 'vitest';
import { alignmentFor } from '../../scripts/markdown/justification.ts';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';

const essayClass = async (lang: string, text: string): Promise<string | undefined> => {
  const { html } = await markdownStringToHtml(`---\ntitle: T\nlang: ${lang}\n---\n\n${text}\n`);
  return /<main class="([^"]*)"/.exec(html)?.[1];
};

describe('alignmentFor', () => {
  it('justifies languages with hyphenation patterns, Chinese and Japanese', () => {
    for (const lang of ['en', 'de', 'es', 'ru', 'el', 'hi', 'bn', 'zh', 'ja']) expect(alignmentFor({ lang, script: 'Latin' }), lang).toBe('justify');
  });

  it('sets ragged Thai, Tamil and its neighbours, Sanskrit, Korean, whatever their patterns', () => {
    for (const lang of ['th', 'lo', 'km', 'my', 'ta', 'te', 'kn', 'ml', 'sa', 'ko']) expect(alignmentFor({ lang, script: 'Latin' }), lang).toBe('ragged');
  });

  it('sets ragged a language with no patterns, but in the scripts measured tight and in Vietnamese and Hebrew', () => {
    expect(alignmentFor({ lang: 'mcd', script: 'Latin' })).toBe('ragged');
    expect(alignmentFor({ lang: 'kk', script: 'Cyrillic' })).toBe('ragged');
    expect(alignmentFor({ lang: 'yi', script: 'Hebrew' })).toBe('ragged');
    expect(alignmentFor({ lang: 'ur', script: 'Arabic' })).toBe('justify');
    expect(alignmentFor({ lang: 'mai', script: 'Devanagari' })).toBe('justify');
    expect(alignmentFor({ lang: 'ti', script: 'Ethiopic' })).toBe('justify');
    expect(alignmentFor({ lang: 'vi', script: 'Latin' })).toBe('justify');
    expect(alignmentFor({ lang: 'he', script: 'Hebrew' })).toBe('justify');
  });
});

describe('the essay in HTML', () => {
  it('is marked ragged from its language and script', async () => {
    expect(await essayClass('en', 'All human beings are born free and equal in dignity and rights.')).toBe('essay');
    expect(await essayClass('mcd', 'Non ahuuacaimain huatiroquin ishon.')).toBe('essay ragged');
    expect(await essayClass('kk', 'Барлық адамдар тумысынан азат және қадір-қасиеті мен кұқықтары тең болып дүниеге келеді.')).toBe('essay ragged');
    expect(await essayClass('ur', 'تمام انسان آزاد اور حقوق و عزت کے اعتبار سے برابر پیدا ہوئے ہیں۔')).toBe('essay');
  });

  it('marks a Korean quotation in an English text ragged', async () => {
    const { html } = await markdownStringToHtml('---\ntitle: T\nlang: en\n---\n\nThe Declaration opens:\n\n> 모든 인간은 태어날 때부터 자유로우며 그 존엄과 권리에 있어 동등하다.\n');
    expect(html).toMatch(/<blockquote [^>]*lang="ko" class="ragged">\s*<p[^>]*>모든/);
  });
});
