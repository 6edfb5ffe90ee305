import { describe, expect, it } from 'vitest';
import { hyphenateText, hyphenatorFor, minimumsFor, SOFT_HYPHEN } from '../../scripts/markdown/hyphenate.ts';
import { markdownStringToHtml } from '../../scripts/markdown/index.ts';
import { byClass, card, renderTree } from './helpers.ts';
import { toString } from 'hast-util-to-string';

const show = (text: string) => text.replaceAll(SOFT_HYPHEN, '|');

describe('hyphenation', () => {
  it.each([
    ['en', 'internationalist', 'in|ter|na|tion|al|ist'],
    ['en-GB', 'internationalist', 'in|ter|na|tion|al|ist'],
    ['de', 'Donaudampfschifffahrt', 'Do|nau|dampf|schiff|fahrt'],
    ['fr', 'internationaliste', 'in|ter|na|tio|na|liste'],
    ['es', 'internacionalista', 'in|ter|na|cio|na|lis|ta'],
    ['it', 'internazionalista', 'in|ter|na|zio|na|li|sta'],
    ['pt-BR', 'internacionalista', 'in|ter|na|ci|o|na|lis|ta'],
    ['nl', 'internationalist', 'in|ter|na|ti|o|na|list'],
  ])('%s: %s', (lang, word, expected) => {
    const hyphenate = hyphenatorFor(lang);
    expect(hyphenate).toBeDefined();
    expect(show(hyphenate?.(word) ?? '')).toBe(expected);
  });

  it('has no patterns for an unknown language', () => {
    expect(hyphenatorFor('tlh')).toBeUndefined();
    expect(hyphenatorFor('zz-Latn')).toBeUndefined();
  });

  it('leaves URLs, e-mail addresses, paths and capitals whole', () => {
    const hyphenate = hyphenatorFor('en');
    if (!hyphenate) throw new Error('no English patterns');
    expect(show(hyphenateText('see https://example.org/internationalist www.internationalist.org a@internationalist.org and/internationalist SWERF internationalist:', hyphenate))).toBe(
      'see https://example.org/internationalist www.internationalist.org a@internationalist.org and/internationalist SWERF in|ter|na|tion|al|ist:',
    );
  });

  it('hyphenates the essay and the card, not headings, code, addresses or slogans', async () => {
    const text = [
      '---',
      'title: Internationalist',
      '---',
      '',
      '## Internationalist heading',
      '',
      'An internationalist with `internationalist` code[^n].',
      '',
      '[^n]: Internationalist footnote.',
      '',
      ':::slogans',
      'Internationalist slogan!',
      ':::',
      card.replace('Card.', 'Internationalist card.').replace('Someone', 'Internationalist Institution'),
    ].join('\n');
    const { tree } = await renderTree(text);
    const [main] = byClass(tree, 'essay');
    const [front] = byClass(tree, 'card-front');
    const [back] = byClass(tree, 'card-back');
    const [cover] = byClass(tree, 'cover');
    if (!main || !front || !back || !cover) throw new Error('missing sections');
    const mainText = show(toString(main));
    expect(mainText).toContain('An in|ter|na|tion|al|ist with internationalist code');
    expect(mainText).toContain('In|ter|na|tion|al|ist foot|note.');
    expect(mainText).toContain('Internationalist heading');
    expect(mainText).toContain('Internationalist slogan!');
    expect(show(toString(front))).toContain('In|ter|na|tion|al|ist card.');
    expect(show(toString(front))).toContain('Internationalist Institution');
    expect(toString(back)).not.toContain(SOFT_HYPHEN);
    expect(toString(cover)).not.toContain(SOFT_HYPHEN);
  });

  it('warns once for a language without patterns, and leaves the text alone', async () => {
    const { html, file } = await markdownStringToHtml('---\ntitle: T\nlang: tlh\n---\n\nInternationalist internationalist.\n' + card);
    expect(html).not.toContain(SOFT_HYPHEN);
    expect(file.messages.map((message) => message.reason)).toEqual(['no hyphenation patterns for `lang: tlh`; the text is not hyphenated']);
  });

  it('says nothing of patterns for Chinese, Japanese and Korean, which are never hyphenated', async () => {
    for (const lang of ['zh', 'ja', 'ko']) {
      const { file } = await markdownStringToHtml(`---\ntitle: T\nlang: ${lang}\n---\n\n人人生而自由。\n` + card);
      expect(file.messages.map((message) => message.reason).filter((reason) => reason.includes('hyphenation')), lang).toEqual([]);
    }
  });

  it('never offers a break inside an f-ligature, where the hyphen would swallow the letters', () => {
    const hyphenate = hyphenatorFor('en');
    if (!hyphenate) throw new Error('no English patterns');
    for (const word of ['official', 'offline', 'trafficked', 'afflicted', 'different', 'fifty']) {
      expect(hyphenateText(word, hyphenate)).not.toMatch(/f\u00AD[bfhijklt]/);
    }
    expect(show(hyphenateText('trafficked official offline', hyphenate))).toBe('trafficked offi|cial offline');
    const german = hyphenatorFor('de');
    expect(show(german?.('Dampfschiff') ?? '')).toBe('Dampf|schiff');
    expect(show(hyphenateText('Dampfschifffahrt', german ?? hyphenate))).toBe('Dampf|schifffahrt');
  });

  it('leaves at least 2 letters of the word before a break and 2 after (3 in English), punctuation around it aside', () => {
    const spanish = hyphenatorFor('es');
    const english = hyphenatorFor('en');
    if (!spanish || !english) throw new Error('no Spanish or English patterns');
    expect(show(hyphenateText('¡Aquel «Aquel indiscreto', spanish, minimumsFor('es')))).toBe('¡Aquel «Aquel in|dis|cre|to');
    expect(show(hyphenateText('“become ruling', english, minimumsFor('en')))).toBe('“be|come rul|ing');
    expect(show(hyphenateText('hobbies', english, { after: 4 }))).toBe('hob|bies');
    expect(show(hyphenateText('hobbies', english, { after: 5 }))).toBe('hobbies');
  });
});
