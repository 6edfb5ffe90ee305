/**
 * Where two versions of a parsed source differ, node by node in document
 * order. A node is
 * what a layout sees of it: its depth, and an element's name and attributes
 * (its `data-ref` aside) or a text's letters.
 */

/** The nodes of `root` in document order, and the mark of each. */
export function sourceNodes(root: Node): { nodes: Node[]; marks: string[] } {
  const nodes: Node[] = [];
  const marks: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const depths = new Map<Node, number>([[root, 0]]);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const depth = (node.parentNode ? (depths.get(node.parentNode) ?? 0) : 0) + 1;
    depths.set(node, depth);
    nodes.push(node);
    marks.push(`${depth} ${mark(node)}`);
  }
  return { nodes, marks };
}

function mark(node: Node): string {
  if (!(node instanceof Element)) return `#${node.textContent ?? ''}`;
  const attributes = [...node.attributes].filter((attribute) => attribute.name !== 'data-ref').map((attribute) => `${attribute.name}=${attribute.value}`);
  return `<${node.tagName} ${attributes.sort().join(' ')}>`;
}

/**
 * Where `after` differs from `before`: the indexes of the marks that differ
 * where both have as many, else the first index from which they differ
 * (both versions shorter than that share every mark up to it).
 */
export function changedMarks(before: readonly string[], after: readonly string[]): number[] {
  if (before.length === after.length) return before.flatMap((mark, i) => (mark === after[i] ? [] : [i]));
  let first = 0;
  while (first < before.length && first < after.length && before[first] === after[first]) first += 1;
  return [first];
}
