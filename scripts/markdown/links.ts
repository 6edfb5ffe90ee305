/**
 * Links stay links in the PDF only when a reader's viewer can follow them
 * anywhere: `http:`, `https:` and `mailto:`, and `#id` to a place in the
 * document itself. Any other link loses its target with a warning at its
 * place and keeps its text: another scheme (`javascript:`, `data:`, `file:`,
 * `irc:` …), and a path to a local file (`notes.txt`, `/etc/shadow`,
 * `//host/x`), which Chromium would turn into a `file:///…` link holding a
 * path of this machine.
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { warn } from './messages.ts';

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
export const LINK_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/** Why a link's target is dropped, or undefined when it is kept. */
export function linkProblem(url: string): string | undefined {
  const target = url.trim();
  if (target.startsWith('#')) return undefined;
  const scheme = SCHEME.exec(target)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    return `link to the local file \`${target}\` cannot be followed in print; only its text is kept (link to an https: address instead)`;
  }
  if (LINK_SCHEMES.has(scheme)) return undefined;
  return `link to \`${scheme}:\` is not allowed (use https: or mailto:); only its text is kept`;
}

export function remarkSafeLinks() {
  return (tree: Root, file: VFile): void => {
    const urls = new Map<string, string>();
    visit(tree, 'definition', (node) => {
      if (!urls.has(node.identifier)) urls.set(node.identifier, node.url);
    });
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'link' && node.type !== 'linkReference') || !parent || index === undefined) return;
      const url = node.type === 'link' ? node.url : urls.get(node.identifier);
      const problem = url === undefined ? undefined : linkProblem(url);
      if (problem === undefined) return;
      warn(file, problem, node.position, 'link');
      parent.children.splice(index, 1, ...(node.children as typeof parent.children));
      return [SKIP, index];
    });
  };
}
