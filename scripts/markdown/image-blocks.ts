/**
 * A paragraph that holds only images (`![…](…)` on a line of its own) is a
 * block of the text, not a line of it: it gets the class `image-block`, which
 * the stylesheets set without the paragraph indent and centred in the text
 * block (styles/type.css), so the indent never pushes an image past the
 * margin. Runs after sanitizing, which would drop the class.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

function onlyImages(paragraph: Element): boolean {
  let images = 0;
  for (const child of paragraph.children) {
    if (child.type === 'element' && child.tagName === 'img') images += 1;
    else if (child.type === 'element' && child.tagName === 'br') continue;
    else if (child.type === 'text' && child.value.trim() === '') continue;
    else return false;
  }
  return images > 0;
}

export function rehypeImageBlocks() {
  return (tree: Root): void => {
    visit(tree, 'element', (element: Element) => {
      if (element.tagName !== 'p' || !onlyImages(element)) return;
      const className = element.properties['className'];
      element.properties['className'] = [...(Array.isArray(className) ? className : []), 'image-block'];
    });
  };
}
