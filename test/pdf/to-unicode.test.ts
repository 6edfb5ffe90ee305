/**
 * The text layer's pass over a printed PDF lets node's event loop turn
 * between pages: the tab that printed them takes the gallery's pictures
 * meanwhile, and goes on only as node answers it.
 */
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { repairToUnicode } from '../../scripts/pdf/to-unicode.ts';

describe('repairToUnicode', () => {
  it('lets the event loop turn before each page', async () => {
    const doc = await PDFDocument.create();
    for (let page = 0; page < 6; page += 1) doc.addPage([396, 612]);
    let turns = 0;
    let done = false;
    const tick = (): void => {
      if (done) return;
      turns += 1;
      setImmediate(tick);
    };
    setImmediate(tick);
    await repairToUnicode(doc);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(5);
  });
});
