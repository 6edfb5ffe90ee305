/**
 * Links stay links (print does not follow them), but only to http:, https:,
 * mailto: and the like, or relative. A link to anything else
 * (`javascript:`, `data:`, `file:` …) loses its target with a warning and
 * keeps its text; rehype-sanitize would drop such an href anyway, silently.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';
import { printSchema } from './sanitize.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const ALLOWED = new Set(printSchema.protocols?.['href'] ?? []);

export function remarkSafeLinks() {
  return (tree: Root, file: VFile): void => {
    const urls = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'link' && node.type !== 'linkReference') || !parent || index === undefined) return;
      const url = node.type === 'link' ? node.url : urls.get(node.identifier);
      const scheme = url === undefined ? undefined : SCHEME.exec(url.trim())?.[1]?.toLowerCase();
      if (scheme === undefined || ALLOWED.has(scheme)) return;
      warn(file, `link to \`${scheme}:\` is not allowed (use https:, mailto: or a relative link); only its text is kept`, node.position, 'link');
      parent.children.splice(index, 1, ...(node.children as typeof parent.children));
      return [SKIP, index];
    });
  };
}
