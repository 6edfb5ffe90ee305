import type { Element } from 'hast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { firstStrongDirection } from '../../scripts/markdown/direction.ts';
import { card, plain, renderTree } from './helpers.ts';

const HEBREW = 'כל בני אדם נולדו בני חורין ושווים בערכם ובזכויותיהם.';
const ARABIC = 'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق.';
const ENGLISH = 'All human beings are born free and equal in dignity and rights.';

/** Every block of the essay with a `dir`, as [tag, dir, its text's start]. */
async function directions(lang: string, body: string): Promise<[string, string, string][]> {
  const { tree } = await renderTree(`---\ntitle: T\nlang: ${lang}\n---\n\n${body}\n${card}`);
  const essay = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'main');
  const found: [string, string, string][] = [];
  visit(essay as Element, 'element', (node: Element) => {
    const dir = node.properties['dir'];
    if (typeof dir === 'string') found.push([node.tagName, dir, plain(node).slice(0, 12)]);
  });
  return found;
}

describe('a block in the other direction\'s script', () => {
  it('takes the direction of its first strong letter, past digits and punctuation', () => {
    expect(firstStrongDirection(HEBREW)).toBe('rtl');
    expect(firstStrongDirection(`1948: «${ARABIC}»`)).toBe('rtl');
    expect(firstStrongDirection(`(${ENGLISH})`)).toBe('ltr');
    expect(firstStrongDirection('1948 — 2025.')).toBeUndefined();
  });

  it('in an English document, a Hebrew paragraph, heading and list item are set right to left, the rest untouched', async () => {
    const found = await directions('en', `## ${HEBREW}\n\n${ENGLISH}\n\n${HEBREW}\n\n- ${ARABIC}\n- ${ENGLISH}\n`);
    expect(found).toEqual([
      ['h2', 'rtl', HEBREW.slice(0, 12)],
      ['p', 'rtl', HEBREW.slice(0, 12)],
      ['li', 'rtl', ARABIC.slice(0, 12)],
    ]);
  });

  it('in an Arabic document, an English paragraph is set left to right, and Arabic ones get no attribute', async () => {
    const found = await directions('ar', `${ARABIC}\n\n${ENGLISH}\n\n1948. ${ARABIC}\n`);
    expect(found).toEqual([['p', 'ltr', ENGLISH.slice(0, 12)]]);
  });

  it('a footnote is compared with the document, where it is set, not with the paragraph that calls it', async () => {
    const body = `${HEBREW}[^a] ${ENGLISH}[^b]\n\n[^a]: ${HEBREW}\n[^b]: ${ENGLISH}\n`;
    const found = await directions('en', body);
    // The paragraph is Hebrew; its Hebrew note is marked rtl (it sits at the foot of an English page), its English one is not.
    expect(found.map(([tag, dir]) => `${tag} ${dir}`)).toEqual(['p rtl', 'span rtl']);
  });
});
