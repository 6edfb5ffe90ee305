/**
 * The web edition's page: the same body the print layouts start from, made
 * into a page for any screen. Print-only parts go (the running title, the
 * card's envelope back, the back cover, the cover's drawn rule and its copy of
 * the slogans, which the text has); the cover becomes the page's header
 * and the colophon its footer; notes are linked both ways (notes.ts); wide
 * tables scroll inside their own box so the page never does. One file: its
 * styles are inline, its fonts and images beside it, and it runs no script.
 */
import type { Element, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { SKIP, visit } from 'unist-util-visit';
import type { Direction } from '../config/direction.ts';
import type { Labels } from '../config/labels.ts';
import { moveNotesToEnd } from './notes.ts';

export interface WebPageOptions {
  /** The body fragment from the markdown stage, as a tree (which is not changed). */
  body: Root;
  title: string;
  lang: string;
  /** The notes' heading and links (ResolvedDocument.labels). */
  labels: Labels;
  dir: Direction;
  /** @font-face rules, their URLs relative to the page. */
  fontFaces: string;
  /** The page's stylesheet (styles/web.css). */
  css: string;
}

/** Nothing from elsewhere: styles inline, fonts and images from the page's own folder. */
const POLICY = "default-src 'none'; style-src 'unsafe-inline'; font-src 'self'; img-src 'self' data:";

const PRINT_ONLY = new Set(['running-title', 'card-back', 'back-cover', 'cover-rule', 'cover-slogans']);
const RENAMED: Record<string, string> = { cover: 'header', colophon: 'footer' };

function classOf(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

/** The body as the screen wants it (see the module's comment). */
function screenBody(body: Root, labels: Labels): Root {
  const tree = structuredClone(body);
  visit(tree, 'element', (node, index, parent) => {
    if (parent === undefined || index === undefined) return;
    const names = classOf(node);
    if (names.some((name) => PRINT_ONLY.has(name))) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    const renamed = names.map((name) => RENAMED[name]).find((tag) => tag !== undefined);
    if (node.tagName === 'section' && renamed !== undefined) node.tagName = renamed;
    if (node.tagName === 'table') {
      const label = { role: 'region', tabIndex: 0, ariaLabel: labels.wideTable, className: ['table-scroll'] };
      parent.children[index] = h('div', label, [node]);
      return SKIP;
    }
    return undefined;
  });
  const notes = moveNotesToEnd(tree, { heading: labels.notes, back: labels.backToText });
  if (notes !== undefined) {
    const main = tree.children.findIndex((node) => node.type === 'element' && node.tagName === 'main');
    tree.children.splice(main < 0 ? tree.children.length : main + 1, 0, notes as RootContent);
  }
  return tree;
}

export function webPage(options: WebPageOptions): string {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<!doctype html>
<html lang="${escape(options.lang)}" dir="${options.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${POLICY}">
<title>${escape(options.title)}</title>
<style>
${options.fontFaces}
${options.css}
</style>
</head>
<body>
${toHtml(screenBody(options.body, options.labels))}
</body>
</html>
`;
}
