import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { resolveDocument } from '../../scripts/config/document.ts';
import { FrontMatterSchema, type FrontMatterInput } from '../../scripts/config/frontmatter.ts';

const frontMatter = (input: Omit<FrontMatterInput, 'title'> = {}) => v.parse(FrontMatterSchema, { title: 'T', ...input });

describe('a document’s settings, resolved once', () => {
  it('takes --paper over the front matter’s, the front matter’s over letter', () => {
    expect(resolveDocument({ frontMatter: frontMatter() }).paper).toBe('letter');
    expect(resolveDocument({ frontMatter: frontMatter({ paper: 'a4' }) }).paper).toBe('a4');
    expect(resolveDocument({ frontMatter: frontMatter({ paper: 'a4' }), paper: 'letter' }).paper).toBe('letter');
  });

  it('binds a right-to-left document on the right, and prints its labels in its language', () => {
    const arabic = resolveDocument({ frontMatter: frontMatter({ lang: 'ar' }) });
    expect([arabic.direction, arabic.binding]).toEqual(['rtl', 'right']);
    expect(arabic.labels.stamp).not.toBe(resolveDocument({ frontMatter: frontMatter() }).labels.stamp);
    const written = resolveDocument({ frontMatter: frontMatter({ lang: 'ar', dir: 'ltr' }) });
    expect([written.direction, written.binding]).toEqual(['ltr', 'left']);
  });

  it('makes the formats both --formats and the front matter allow, large print only when named', () => {
    expect([...resolveDocument({ frontMatter: frontMatter() }).formats]).toEqual([
      ['reading', 'default'],
      ['booklet', 'default'],
      ['mini', 'default'],
      ['slips', 'default'],
      ['web', 'default'],
    ]);
    expect([...resolveDocument({ frontMatter: frontMatter({ formats: ['mini', 'reading'] }), formats: ['reading', 'large-print'] }).formats]).toEqual([['reading', 'asked']]);
  });
});
