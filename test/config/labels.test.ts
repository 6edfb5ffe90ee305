import { describe, expect, it } from 'vitest';
import { frontMatterSettings } from '../../scripts/config/document.ts';
import { labelsFor } from '../../scripts/config/labels.ts';
import { buildDocument } from '../../scripts/paginate/document.ts';

describe('labelsFor', () => {
  it('reads the primary language of a tag, and English where a language has none', () => {
    expect(labelsFor('pt-BR').stamp).toBe('selo');
    expect(labelsFor('ZH-Hant').continued).toBe('（续）');
    expect(labelsFor('grc').stamp).toBe(labelsFor('el').stamp);
    expect(labelsFor('tlh').stamp).toBe('stamp');
  });

  it('gives every language all of its labels, in its own words', () => {
    const english = labelsFor('en');
    for (const lang of ['es', 'fr', 'de', 'it', 'pt', 'ru', 'uk', 'el', 'ar', 'fa', 'ur', 'he', 'yi', 'hi', 'th', 'zh', 'ja', 'ko']) {
      const labels = labelsFor(lang);
      expect(Object.keys(labels).sort(), lang).toEqual(Object.keys(english).sort());
      for (const value of Object.values(labels)) expect(value.trim(), lang).not.toBe('');
      expect(labels.stamp, lang).not.toBe(english.stamp);
      expect(labels.cutLine, lang).not.toBe(english.cutLine);
    }
  });
});

describe('the print document', () => {
  it("gives its stylesheets the cut line and the continued notes' mark in the document's language", async () => {
    const { labels } = frontMatterSettings({ lang: 'fr' });
    const html = await buildDocument({ body: '<main class="essay"></main>', title: 'T', lang: 'fr', labels, paper: 'letter', footnotes: 'stars', fontFaces: '' });
    expect(html).toContain('--label-cut-line: "découper ou déchirer le long du trait"');
    expect(html).toContain('--label-continued: "(suite)\u2002"');
    expect(html).toContain('--label-notes-page: "Notes"');
  });
});
