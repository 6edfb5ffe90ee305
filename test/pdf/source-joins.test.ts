/**
 * Which two pieces of text, drawn at one line's end and the next line's
 * start, are one word of the source: joined there and never with a space
 * between.
 */
import { describe, expect, it } from 'vitest';
import { joinedInSource } from '../../scripts/pdf/source-joins.ts';

const SOURCE = `Die Sammlung liegt unter <https://www.marxists.org/deutsch/index.htm>,
mit allen Vorworten. Der Text kam to day, nicht today, und 'Marx’ blieb.`;

describe('joinedInSource', () => {
  const joined = joinedInSource(SOURCE);

  it('joins a URL cut before its period or after a slash', () => {
    expect(joined('https://www', '.marxists.org/')).toBe(true);
    expect(joined('.org/', 'deutsch/')).toBe(true);
  });

  it('leaves a line broken at a space, even where the source also holds the two joined', () => {
    expect(joined('Sammlung', 'liegt')).toBe(false);
    expect(joined('to', 'day,')).toBe(false);
    // Across the markdown's own line break.
    expect(joined('Vorworten.', 'Der')).toBe(false);
  });

  it('folds curly quotes as drawn, and takes no empty or spaced piece', () => {
    expect(joined('‘Mar', 'x’')).toBe(true);
    expect(joined('Vor', 'worten')).toBe(true);
    expect(joined('', 'Vorworten')).toBe(false);
    expect(joined('Vor ', 'worten')).toBe(false);
  });
});
