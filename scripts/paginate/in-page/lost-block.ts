import type { LostBlock } from '../layout-report.ts';

/** Text as the reader reads it: soft hyphens out, white space as single spaces. */
const plain = (text: string) => text.replace(/\u00ad/g, '').replace(/\s+/g, ' ').trim();

const longest = (items: string[]) => items.reduce((most, item) => Math.max(most, [...item].length), 0);

const LINK = /^(?:https?:|www\.|mailto:)/i;

/** How deep `element` sits in lists: 1 for an item of a list at the top, 2 for an item of a list in it… */
function listDepth(element: Element): number {
  let depth = 0;
  for (let at: Element | null = element; at; at = at.parentElement) if (at.matches('ul, ol')) depth += 1;
  return depth;
}

/** The widest row of a table: its cells, spans counted. */
function tableColumns(table: HTMLTableElement): number {
  return [...table.rows].reduce((most, row) => Math.max(most, [...row.cells].reduce((sum, cell) => sum + cell.colSpan, 0)), 0);
}

/**
 * The block whole: its copy in the content before layout (text Paged.js never
 * laid out is only there), else every part of it on the pages (each part keeps
 * the block's `data-ref`).
 */
function parts(block: HTMLElement): HTMLElement[] {
  const place = block.dataset.source ?? '';
  const template = document.querySelector<HTMLTemplateElement>('template[data-ref="pagedjs-content"]');
  const original = template?.content.querySelector<HTMLElement>(`[data-source="${CSS.escape(place)}"]`);
  if (original) return [original];
  const ref = block.dataset.ref;
  if (ref === undefined) return [block];
  return [...document.querySelectorAll<HTMLElement>(`.pagedjs_pages [data-ref="${CSS.escape(ref)}"]`)];
}

function kindOf(block: HTMLElement, table: Element | null): LostBlock['kind'] {
  if (block.closest('.cover, .colophon, .back-cover')) return 'title';
  if (block.closest('pre') ?? block.querySelector('pre')) return 'code';
  if (table) return 'table';
  if (block.closest('li')) return 'list';
  return /^h\d$/i.test(block.tagName) ? 'heading' : 'text';
}

/**
 * What a reader would find too long in the block that holds `node`, text
 * Paged.js set off the page: where the block was written (its `data-source`,
 * scripts/markdown/source-places.ts) and the measures of what cannot be broken
 * in it, taken over all its parts on all pages.
 */
export function lostBlock(node: Text): LostBlock {
  const block = node.parentElement?.closest<HTMLElement>('[data-source]');
  const none = { source: undefined, kind: 'text', characters: 0, longestWord: 0, longestLink: 0, longestCodeLine: 0, columns: 0, listDepth: 0 } as const;
  if (!block) return none;
  const all = parts(block);
  const text = plain(all.map((part) => part.textContent).join(''));
  const words = text.split(' ');
  const links = all.flatMap((part) => [...part.querySelectorAll('a')].map((link) => plain(link.textContent)));
  const pres = all.flatMap((part) => [...part.querySelectorAll('pre'), ...(part.matches('pre') ? [part] : [])]);
  const codeLines = pres.map((pre) => pre.textContent.replace(/\u00ad/g, '')).join('').split('\n');
  const table = block.closest('table') ?? all[0]?.querySelector('table') ?? null;
  return {
    source: block.dataset.source,
    kind: kindOf(block, table),
    characters: [...text].length,
    longestWord: longest(words.filter((word) => !LINK.test(word))),
    longestLink: longest([...links, ...words.filter((word) => LINK.test(word))]),
    longestCodeLine: longest(codeLines),
    columns: table instanceof HTMLTableElement ? tableColumns(table) : 0,
    listDepth: listDepth(block),
  };
}
