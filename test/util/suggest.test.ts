import { describe, expect, it } from 'vitest';
import { closest, editDistance } from '../../scripts/util/suggest.ts';

describe('did you mean', () => {
  it('counts a swap of two neighbours as one edit', () => {
    expect(editDistance('frmats', 'formats')).toBe(1);
    expect(editDistance('buidl', 'build')).toBe(1);
    expect(editDistance('subtitel', 'subtitle')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('finds the word meant, and nothing for a word far from all', () => {
    expect(closest('buld', ['init', 'build', 'preview', 'impose'])).toBe('build');
    expect(closest('--frmats', ['--out', '--paper', '--formats'])).toBe('--formats');
    expect(closest('subtitel', ['title', 'subtitle', 'author'])).toBe('subtitle');
    expect(closest('fold', ['init', 'build', 'preview', 'impose'])).toBeUndefined();
  });
});
