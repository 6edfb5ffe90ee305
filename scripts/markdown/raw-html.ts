/**
 * Raw HTML in the markdown never reaches the page: each HTML block or inline
 * tag is dropped here with a warning (HTML comments are dropped silently, they
 * are notes to self, and so are closing tags). remark-rehype runs without `allowDangerousHtml` and
 * rehype-sanitize runs after it, so this is the first of three locks; it is
 * the one that tells the writer.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

const COMMENT = /^<!--[\s\S]*?-->\s*$/;

export function remarkRawHtml() {
  return (tree: Root, file: VFile): void => {
    visit(tree, 'html', (node, index, parent) => {
      if (!parent || index === undefined) return;
      // Comments and closing tags go quietly: one warning per element is enough.
      if (!COMMENT.test(node.value.trim()) && !node.value.trim().startsWith('</')) {
        const tag = /^<\/?[a-z][a-z0-9-]*/i.exec(node.value.trim())?.[0];
        const what = tag ? `\`${tag}>\`` : 'raw HTML';
        warn(file, `raw HTML is not allowed; ${what} was left out`, node.position, 'raw-html');
      }
      parent.children.splice(index, 1);
      return [SKIP, index];
    });
  };
}
