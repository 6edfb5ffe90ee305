/**
 * The flip-book's PDF read back with pdf.js: which numbered page is on which
 * side of which sheet, and which way up.
 */
import { describe, expect, it } from 'vitest';
import { imposeFlipBook } from '../../scripts/impose/flip-book.ts';
import { HALF_LETTER, numberedPdf } from '../../scripts/impose/sample.ts';
import { numberOn, readBack, type ReadSheet } from './helpers.ts';

/** The numbers on a side, left to right, each with its turn. */
const side = (sheet: ReadSheet | undefined) =>
  [...(sheet?.numbers ?? [])].sort((a, b) => a.x - b.x).map((placed) => `${placed.n}${placed.turn === 180 ? '↻' : ''}`);

async function flipBook(turnSecond: boolean, binding: 'left' | 'right' = 'left') {
  const { pdf, plan } = await imposeFlipBook({
    first: { pdf: await numberedPdf(5), name: 'a.pdf' },
    second: { pdf: await numberedPdf(3, HALF_LETTER, 101), name: 'b.pdf' },
    turnSecond,
    binding,
  });
  return { sheets: await readBack(pdf), plan };
}

describe('the flip-book PDF', () => {
  it('prints 5 + 3 pages on 3 sheets: the second text upside down from the back cover, blanks in the middle', async () => {
    const { sheets, plan } = await flipBook(true);
    expect(sheets).toHaveLength(6);
    expect(plan.halves).toEqual({ first: 5, second: 3, turned: true });
    for (const sheet of sheets) expect([sheet.width, sheet.height]).toEqual([792, 612]);
    // Sheet 1: the second text's cover (101) on the back cover, upside down, beside the first's cover.
    expect(sheets.map(side)).toEqual([['101↻', '1'], ['2', '102↻'], ['103↻', '3'], ['4'], ['5'], []]);
    // Upside down means drawn turned about its box: the number's start is near the right and top of its half.
    const turned = numberOn(sheets[0] as ReadSheet, 101);
    expect(turned.x).toBeGreaterThan(198);
    expect(turned.x).toBeLessThan(396);
    expect(turned.y).toBeGreaterThan(306);
  });

  it('prints a text of the other direction upright, read from the back cover as its front', async () => {
    const { sheets } = await flipBook(false);
    expect(sheets.map(side)).toEqual([['101', '1'], ['2', '102'], ['103', '3'], ['4'], ['5'], []]);
  });

  it('bound on the right, mirrors each side', async () => {
    const { sheets } = await flipBook(true, 'right');
    expect(sheets.map(side)).toEqual([['1', '101↻'], ['102↻', '2'], ['3', '103↻'], ['4'], ['5'], []]);
  });
});
