/**
 * The tear-off card. In the markdown it is one top-level container:
 *
 *   ::::tear-off
 *   ## How to Send Mail to …
 *   …
 *   :::address
 *   Name\
 *   Street
 *   :::
 *   ::::
 *
 * Its content becomes `<section class="card-front" id="card">` (layout.ts
 * moves it out of the essay, after `<main>`), and the lines of its `address`
 * blocks, in order, become the envelope drawn on the card's back
 * (`cardBack`). The card holds only what is inside the container, never
 * essay text, so tearing it out loses nothing of the essay.
 */
import type { Element } from 'hast';
import { h } from 'hastscript';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ContainerDirective } from './data.ts';
import { addressLines } from './directives.ts';
import type { Labels } from '../config/labels.ts';
import { qrFigure } from './qr.ts';
import { error, stopOnErrors, warn } from './messages.ts';

export function remarkTearOff() {
  return (tree: Root, file: VFile): void => {
    const cards: ContainerDirective[] = [];
    visit(tree, 'containerDirective', (node, _index, parent) => {
      if (node.name !== 'tear-off') return;
      if (parent !== tree) {
        error(file, '`::::tear-off` must be at the top level of the essay, not inside another block', node.position, 'tear-off-nested');
      } else if (cards.length > 0) {
        const line = cards[0]?.position?.start.line;
        error(file, `only one \`::::tear-off\` card per zine${line ? ` (the first starts on line ${line})` : ''}`, node.position, 'tear-off-twice');
      }
      cards.push(node);
    });
    stopOnErrors(file);

    const card = cards[0];
    if (!card) {
      warn(file, 'no `::::tear-off` card: the zine will have no tear-out card', tree.position?.start ?? { line: 1, column: 1 }, 'tear-off-missing');
      file.data.card = { addresses: [] };
      return;
    }
    card.data = { hName: 'section', hProperties: { className: ['card-front'], id: 'card' } };

    const addresses: string[][] = [];
    visit(card, 'containerDirective', (node) => {
      if (node.name === 'address') addresses.push(addressLines(node));
    });
    if (addresses.length === 0) {
      warn(file, 'the tear-off card has no `:::address` block, so its back has no envelope', card.position, 'tear-off-address');
    }
    file.data.card = { addresses };

    visit(tree, 'containerDirective', (node) => {
      if (node.name === 'address' && !isInside(card, node)) {
        warn(file, '`:::address` outside the `::::tear-off` card is not drawn on the envelope', node.position, 'address-outside');
      }
    });
  };
}

function isInside(container: ContainerDirective, target: ContainerDirective): boolean {
  let found = false;
  visit(container, 'containerDirective', (node) => {
    if (node === target) found = true;
  });
  return found;
}

/**
 * The back of the card: an envelope to copy, with a corner box for the
 * sender's return address, a stamp box and the addressee's lines centred;
 * under it, a QR code of the document's `url` when it has one.
 */
export interface CardBackOptions {
  /** The card's `:::address` blocks, each a list of lines. */
  addresses: readonly (readonly string[])[];
  /** The front matter's `url`, if any. */
  url: string | undefined;
  /** The envelope's words, in the document's language. */
  labels: Labels;
}

export function cardBack(options: CardBackOptions): Element {
  const { addresses, url, labels } = options;
  const lines = addresses.flat();
  const to = lines.flatMap((line, index) => (index === 0 ? [line] : [h('br'), line]));
  const envelope = h('div', { className: ['envelope'] }, [
    h('div', { className: ['return-address'] }, labels.returnAddress),
    h('div', { className: ['stamp'] }, labels.stamp),
    h('address', { className: ['envelope-to'] }, to),
  ]);
  // A card without addresses keeps a back of its own, blank but for the QR code.
  return h('section', { className: ['card-back'] }, [
    ...(lines.length === 0 ? [] : [envelope]),
    ...(url === undefined ? [] : [qrFigure({ url, labels })]),
  ]);
}
