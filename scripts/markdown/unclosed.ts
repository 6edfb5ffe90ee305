/**
 * A container directive left open (`:::slogans` or `::::tear-off` with no
 * closing fence) takes in everything after it: remark-directive ends it at
 * the end of the file, and the rest of the essay becomes slogans on the cover
 * or text on the card. Such a block is an error at its opening fence.
 *
 * Only blocks that reach the end of the file are looked at. Of those, the
 * innermost may own the file's last line, if that line is a fence of at least
 * as many colons as its opening; every other one was never closed.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { ContainerDirective } from './data.ts';
import { error, stopOnErrors } from './messages.ts';

export function remarkUnclosedDirectives() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const atEnd: ContainerDirective[] = [];
    visit(tree, 'containerDirective', (node) => {
      const end = node.position?.end.offset;
      if (end !== undefined && source.slice(end).trim() === '') atEnd.push(node);
    });
    // visit goes outer before inner: the last is the innermost.
    const innermost = atEnd.at(-1);
    for (const node of atEnd) {
      const start = node.position?.start.offset ?? 0;
      const written = source.slice(start, node.position?.end.offset);
      const opening = /^:+/.exec(written)?.[0] ?? ':::';
      const lines = written.trimEnd().split('\n');
      // Inside a quote, each line starts with `>` marks: the fence is what follows them.
      const last = (lines.at(-1) ?? '').replace(/^(?:\s*>)*/, '').trim();
      if (node === innermost && lines.length > 1 && /^:+$/.test(last) && last.length >= opening.length) continue;
      error(
        file,
        `\`${opening}${node.name}\` is never closed, so everything after it went into it: end the block with a line \`${opening}\``,
        node.position?.start,
        'directive-unclosed',
      );
    }
    stopOnErrors(file);
  };
}
