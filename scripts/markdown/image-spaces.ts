/**
 * `![x](my photo.png)` is not an image in markdown: a path with a space must be
 * written in angle brackets, `![x](<my photo.png>)`, or the whole is printed as
 * text. Such text is an error at its place, saying how to write it.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { error, positionAt, stopOnErrors } from './messages.ts';

/** `![alt](a path with a space)`, with no title in quotes (that form is an image). */
const IMAGE_AS_TEXT = /!\[([^\]\n]*)\]\(([^()<>"'\n]*?\s[^()<>"'\n]*?)\)/g;

export function remarkImageSpaces() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    visit(tree, 'text', (node) => {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      for (const match of source.slice(start, end).matchAll(IMAGE_AS_TEXT)) {
        const [written, alt, path] = match as unknown as [string, string, string];
        const at = start + match.index;
        error(
          file,
          `\`${written}\` is printed as text, because its path has a space: write \`![${alt}](<${path.trim()}>)\``,
          positionAt(source, at, at + written.length),
          'image-path-space',
        );
      }
    });
    stopOnErrors(file);
  };
}
