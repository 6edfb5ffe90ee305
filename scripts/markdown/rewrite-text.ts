/**
 * The walk shared by the plugins that set a text's words apart without
 * changing them (keep-together.ts, url-breaks.ts): every text node outside the
 * elements to skip is handed to `split`, which returns what stands in its
 * place, or undefined to keep it as it is.
 */
import type { Element, ElementContent, Root } from 'hast';

export interface RewriteTextOptions {
  /** Elements whose text is left alone, with all they hold (code, scripts…). */
  skip: ReadonlySet<string>;
  /** The nodes that replace a text, or undefined to keep it. */
  split: (value: string) => ElementContent[] | undefined;
}

export function rewriteText(tree: Root, { skip, split }: RewriteTextOptions): void {
  const walk = (node: Root | Element): void => {
    const children: (typeof node.children)[number][] = [];
    for (const child of node.children) {
      if (child.type === 'text') {
        children.push(...(split(child.value) ?? [child]));
        continue;
      }
      if (child.type === 'element' && !skip.has(child.tagName)) walk(child);
      children.push(child);
    }
    node.children = children as typeof node.children;
  };
  walk(tree);
}
