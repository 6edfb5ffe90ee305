import { describe, expect, it } from 'vitest';
import { bindingFor, directionOfLanguage, documentDirection } from '../../scripts/config/direction.ts';

describe('a document\'s direction', () => {
  it.each(['ar', 'he', 'fa', 'ur', 'yi', 'ar-EG', 'he-IL', 'pa-Arab', 'az-Arab', 'ckb'])('%s is set right to left', (lang) => {
    expect(directionOfLanguage(lang)).toBe('rtl');
  });

  it.each(['en', 'pt-BR', 'sr-Latn', 'ku', 'ar-Latn', 'zh-Hant', 'hi'])('%s is set left to right', (lang) => {
    expect(directionOfLanguage(lang)).toBe('ltr');
  });

  it('front matter `dir` overrides the language either way', () => {
    expect(documentDirection({ lang: 'en', dir: 'rtl' })).toBe('rtl');
    expect(documentDirection({ lang: 'ar', dir: 'ltr' })).toBe('ltr');
    expect(documentDirection({ lang: 'he' })).toBe('rtl');
  });

  it('a right-to-left zine is bound on the right', () => {
    expect(bindingFor('rtl')).toBe('right');
    expect(bindingFor('ltr')).toBe('left');
  });
});
