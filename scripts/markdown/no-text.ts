/**
 * A file with front matter and nothing else would build a zine of empty pages
 * around its cover. It is an error at the line after the front matter, saying
 * where the text goes. (A card alone is kept: a document may be only slips.)
 */
import type { Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { fail } from './messages.ts';

/** What prints nothing: link or note definitions alone. */
const notText = (node: RootContent) => node.type === 'definition' || node.type === 'footnoteDefinition';

export function remarkNeedsText() {
  return (tree: Root, file: VFile): void => {
    if (tree.children.some((node) => node.type !== 'yaml' && !notText(node))) return;
    const block = file.data.frontMatterPlaces?.block?.end;
    const line = block === undefined ? 1 : block.line + 1;
    fail(file, 'the file has no text after its front matter: write the zine’s text below the closing `---` line', { line, column: 1 }, 'no-text');
  };
}
