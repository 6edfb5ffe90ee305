/**
 * Reads the YAML front matter (found by remark-frontmatter), validates it with
 * the schema in scripts/config/frontmatter.ts and puts it on
 * `file.data.frontMatter`. Every problem points into the .md file itself: YAML
 * syntax errors at their line:col inside the block, schema problems at the
 * offending key (or list item), a missing key at the block.
 */
import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { frontMatterSettings } from '../config/document.ts';
import { validateFrontMatter, type FootnoteStyle } from '../config/frontmatter.ts';
import { quoteHint } from '../config/yaml-hints.ts';
import { error, fail, positionAt, stopOnErrors, warn, type Position } from './messages.ts';

export interface FrontMatterOptions {
  /** Overrides the front matter's `footnotes` (e.g. from a command line flag). */
  footnotes?: FootnoteStyle | undefined;
}

export function remarkFrontMatterData(options: FrontMatterOptions = {}) {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    const first = tree.children[0];
    const node = first?.type === 'yaml' ? first : undefined;
    if (!node) {
      fail(file, 'front matter: missing; start the file with a `---` line, `title: …`, and another `---` line', { line: 1, column: 1 }, 'front-matter');
    }
    tree.children.shift();

    // The YAML text starts on the line after the opening `---`.
    const blockStart = node.position?.start.offset ?? 0;
    const lineEnd = source.indexOf('\n', blockStart);
    const base = lineEnd === -1 ? blockStart : lineEnd + 1;
    const place = (range: readonly number[] | null | undefined): Position | undefined =>
      range && range[0] !== undefined ? positionAt(source, base + range[0], base + (range[1] ?? range[0])) : node.position;

    const doc = parseDocument(node.value, { version: '1.2', schema: 'core', prettyErrors: false, uniqueKeys: true });
    for (const problem of doc.warnings) warn(file, `front matter: ${problem.message}`, place(problem.pos), 'front-matter-yaml');
    for (const problem of doc.errors) {
      const hint = quoteHint(node.value, problem);
      const reason = hint === undefined ? `invalid YAML: ${problem.message}` : `${hint} (YAML read it as: ${problem.message})`;
      error(file, `front matter: ${reason}`, place(problem.pos), 'front-matter-yaml');
    }
    stopOnErrors(file);

    const result = validateFrontMatter(toData(doc, file, node.position));
    if (!result.success) {
      for (const problem of result.problems) {
        error(file, problem.message, place(rangeOf(doc, problem.path)), 'front-matter');
      }
      stopOnErrors(file);
      return;
    }

    const keys: Record<string, Position> = {};
    if (isMap(doc.contents)) {
      for (const pair of doc.contents.items) {
        if (isScalar(pair.key) && typeof pair.key.value === 'string') {
          const position = place(pair.key.range);
          if (position) keys[pair.key.value] = position;
        }
      }
    }
    file.data.frontMatter = result.frontMatter;
    file.data.settings = frontMatterSettings(result.frontMatter);
    file.data.frontMatterPlaces = { block: node.position, keys };
    file.data.footnoteStyle = options.footnotes ?? result.frontMatter.footnotes;
  };
}

/**
 * The front matter as plain data. An alias may be used only so often: a
 * "billion laughs" block of aliases to aliases would expand to gigabytes.
 */
function toData(doc: Document, file: VFile, place: Position | undefined): unknown {
  try {
    return doc.toJS({ maxAliasCount: 50 });
  } catch (problem) {
    if (problem instanceof ReferenceError && /alias/i.test(problem.message)) {
      fail(file, 'front matter: too many aliases (`*name`) to expand; write the values out', place, 'front-matter-yaml');
    }
    throw problem;
  }
}

/**
 * The source range to blame for a problem at `path` (["credits", 1]): the key
 * of the last map entry on the path, or the list item; undefined when the
 * path is not in the YAML (a missing key), so the caller blames the block.
 */
function rangeOf(doc: Document, path: readonly (string | number)[]): readonly number[] | undefined {
  let current: unknown = doc.contents;
  let range: readonly number[] | undefined = (current as YamlNode | null)?.range ?? undefined;
  for (const part of path) {
    if (isMap(current)) {
      const pair = current.items.find((item) => isScalar(item.key) && item.key.value === part);
      if (!pair) return undefined;
      range = isScalar(pair.key) ? pair.key.range ?? undefined : undefined;
      current = pair.value;
    } else if (isSeq(current) && typeof part === 'number') {
      const item: unknown = current.items[part];
      if (!item) return undefined;
      range = (item as YamlNode).range ?? undefined;
      current = item;
    } else {
      return undefined;
    }
  }
  return range;
}
