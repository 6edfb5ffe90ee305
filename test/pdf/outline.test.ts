import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { addOutline } from '../../scripts/pdf/outline.ts';

const title = (dict: PDFDict) => dict.lookup(PDFName.of('Title'), PDFHexString).decodeText();

describe('addOutline', () => {
  it('nests headings by level and points each at its page', async () => {
    const doc = await PDFDocument.create();
    for (let i = 0; i < 4; i += 1) doc.addPage();
    addOutline(doc, [
      { title: 'Title', level: 1, page: 1 },
      { title: 'Card', level: 2, page: 3 },
      { title: 'Step 1', level: 3, page: 3 },
      { title: 'Step 2', level: 3, page: 4 },
    ]);
    const reread = await PDFDocument.load(await doc.save());
    const root = reread.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(root.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(4);
    const top = root.lookup(PDFName.of('First'), PDFDict);
    expect(title(top)).toBe('Title');
    expect(top.has(PDFName.of('Next'))).toBe(false);
    const card = top.lookup(PDFName.of('First'), PDFDict);
    expect(title(card)).toBe('Card');
    const step1 = card.lookup(PDFName.of('First'), PDFDict);
    const step2 = step1.lookup(PDFName.of('Next'), PDFDict);
    expect([title(step1), title(step2)]).toEqual(['Step 1', 'Step 2']);
    const pageOf = (dict: PDFDict) => {
      const target = dict.lookup(PDFName.of('Dest'), PDFArray).get(0);
      return reread.getPages().findIndex((page) => page.ref === target) + 1;
    };
    expect([pageOf(top), pageOf(card), pageOf(step1), pageOf(step2)]).toEqual([1, 3, 3, 4]);
  });

  it('adds nothing when there are no headings', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    addOutline(doc, []);
    expect(doc.catalog.has(PDFName.of('Outlines'))).toBe(false);
  });
});
