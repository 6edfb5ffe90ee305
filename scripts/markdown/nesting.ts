/**
 * Bounds on the markdown's shape, checked before the pipeline does the work
 * that deep nesting makes slow or breaks: the parser takes minutes over a
 * line of 10,000 nested list markers or a run of 50,000 `*`, and the tree's
 * walkers, which recurse, overflow the stack at a few thousand levels. Each is
 * an error at its place: "blockquotes nested 2,000 deep; the limit is 100".
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';
import { EMPHASIS_RUN_LIMIT, NESTING_LIMIT } from '../config/limits.ts';
import { fail, pointAt } from './messages.ts';

const count = (n: number) => n.toLocaleString('en-US');

/** A block marker (`>`, `-`, `1.`), possibly after up to three spaces; sticky, so matched where the last one ended. */
const MARKER = / {0,3}(?:(>) ?|([-+*]|\d{1,9}[.)])(?:[ \t]|(?=\n|$)))/y;

/**
 * Looks at the text before it is parsed: block markers nested on one line
 * (`> > > …`, `- - - …`) and runs of one emphasis character (`*****`) past
 * their limits stop the build at their place.
 */
export function checkSourceShape(file: VFile, options: { nesting?: number; run?: number } = {}): void {
  const nesting = options.nesting ?? NESTING_LIMIT;
  const run = options.run ?? EMPHASIS_RUN_LIMIT;
  const text = String(file.value);
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? text.length : end;
    let quotes = 0;
    let lists = 0;
    let over: number | undefined;
    MARKER.lastIndex = lineStart;
    for (let found = MARKER.exec(text); found !== null && found.index < lineEnd; found = MARKER.exec(text)) {
      if (found[1] !== undefined) quotes += 1;
      else lists += 1;
      if (quotes + lists > nesting && over === undefined) over = found.index + found[0].search(/\S/);
    }
    if (over !== undefined) {
      const what = lists === 0 ? 'blockquotes' : quotes === 0 ? 'lists' : 'blockquotes and lists';
      fail(file, `${what} nested ${count(quotes + lists)} deep; the limit is ${nesting}`, pointAt(text, over), 'nesting');
    }
    lineStart = lineEnd + 1;
  }
  const long = new RegExp(`([*_])\\1{${run},}`, 'g');
  const found = long.exec(text);
  if (found) {
    const mark = found[1] as string;
    fail(file, `a run of ${count(found[0].length)} \`${mark}\`; the limit is ${run}: write fewer, or escape them as \\${mark}`, pointAt(text, found.index), 'nesting');
  }
}

/** The node kinds whose nesting is bounded, by the name a message gives them. */
const NESTED: Partial<Record<Nodes['type'], string>> = {
  blockquote: 'blockquotes',
  list: 'lists',
  emphasis: 'emphasis marks',
  strong: 'strong emphasis marks',
  delete: 'strikethroughs',
  link: 'links',
  linkReference: 'links',
  containerDirective: 'directives',
};

/**
 * Walks the parsed tree without recursion: a kind of node nested past the
 * limit stops the build at its first node past it, with the deepest nesting found.
 */
export function checkTreeNesting(tree: Root, file: VFile, limit: number = NESTING_LIMIT): void {
  const stack: { node: Nodes; depths: Record<string, number> }[] = [{ node: tree, depths: {} }];
  let first: { node: Nodes; kind: string } | undefined;
  let deepest = 0;
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { node, depths } = entry;
    const kind = NESTED[node.type];
    let own = depths;
    if (kind !== undefined) {
      own = { ...depths, [kind]: (depths[kind] ?? 0) + 1 };
      const depth = own[kind] as number;
      if (depth > limit && (first === undefined || first.kind === kind)) {
        first ??= { node, kind };
        deepest = Math.max(deepest, depth);
      }
    }
    // Pushed last first, so that the first node past the limit is met in the source's order.
    if ('children' in node) for (const child of [...node.children].reverse()) stack.push({ node: child, depths: own });
  }
  if (first) fail(file, `${first.kind} nested ${count(deepest)} deep; the limit is ${limit}`, first.node.position?.start, 'nesting');
}
