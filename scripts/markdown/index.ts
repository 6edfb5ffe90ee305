/**
 * The markdown stage: an essay in markdown → the HTML body of the zine (see
 * layout.ts for its sections), its front matter, headings and images.
 * Warnings come back in `file.messages`; errors throw a MarkdownError whose
 * message has one `path:line:col: reason` line per error.
 */
import type { Root } from 'hast';
import { VFile } from 'vfile';
import type { FootnoteStyle, FrontMatter } from '../config/frontmatter.ts';
import type { Asset } from './assets.ts';
import { SOURCE_BYTES } from '../config/limits.ts';
import { readRegularFile } from '../util/read-regular.ts';
import type { HeadingEntry } from './data.ts';
import { MarkdownError, warn, type Message } from './messages.ts';
import { checkControlCharacters } from './control-characters.ts';
import { checkSourceShape, checkTreeNesting } from './nesting.ts';
import { decodeSource, type DecodedSource } from './read-source.ts';
import { createProcessor } from './pipeline.ts';

export { createProcessor } from './pipeline.ts';
export { displayPath, formatMessage, MarkdownError, type Message } from './messages.ts';
export type { FootnoteStyle, FrontMatter } from '../config/frontmatter.ts';
export type { HeadingEntry } from './data.ts';
export type { Asset } from './assets.ts';

export interface MarkdownOptions {
  /** The .md file; read unless `text` is given, and the base for its images. */
  path: string;
  /** The markdown itself, when it is not to be read from `path`. */
  text?: string | undefined;
  /** Overrides the front matter's `footnotes`. */
  footnotes?: FootnoteStyle | undefined;
}

export interface MarkdownResult {
  /** The body fragment: cover, main.essay, card-front, card-back, colophon, back-cover. */
  html: string;
  /** The tree `html` was written from, for what would otherwise parse `html` again; left as it is (copy it to change it). */
  tree: Root;
  /** The source as a vfile, with the warnings in `file.messages`. */
  file: VFile;
  frontMatter: FrontMatter;
  headings: HeadingEntry[];
  /** The images the HTML uses, read once and cleaned: stage these bytes, never the paths. */
  assets: Asset[];
}

export async function markdownToHtml(options: MarkdownOptions): Promise<MarkdownResult> {
  let text = options.text;
  let invalidAt: DecodedSource['invalidAt'];
  if (text === undefined) {
    const bytes = await readRegularFile({ path: options.path, limit: SOURCE_BYTES, what: 'a markdown source' });
    ({ text, invalidAt } = decodeSource(bytes));
  }
  const file = new VFile({ path: options.path, value: text });
  if (invalidAt !== undefined) {
    warn(file, 'the file is not valid UTF-8 from here on: bad bytes are shown as �; save it as UTF-8', invalidAt, 'encoding');
  }
  const processor = createProcessor({ footnotes: options.footnotes });
  let html: string;
  let tree: Root;
  try {
    // Characters no font draws, and shapes that would make the parser or the tree's walkers
    // run for minutes or overflow the stack, stop here, at their place.
    checkControlCharacters(file);
    checkSourceShape(file);
    const parsed = processor.parse(file);
    checkTreeNesting(parsed, file);
    tree = await processor.run(parsed, file);
    html = processor.stringify(tree, file);
  } catch (error) {
    const errors = file.messages.filter((message: Message) => message.fatal === true);
    if (errors.length > 0) throw new MarkdownError(file, errors);
    throw error;
  }
  // Warnings in the order of the source, whichever plugin found them.
  file.messages.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  const { frontMatter, headings = [], assets = [] } = file.data;
  if (!frontMatter) throw new Error('markdown pipeline ended without front matter');
  return { html, tree, file, frontMatter, headings, assets };
}

/** Runs the pipeline on a string (tests, previews); images resolve against `path`'s folder. */
export function markdownStringToHtml(
  text: string,
  options: { path?: string; footnotes?: FootnoteStyle | undefined } = {},
): Promise<MarkdownResult> {
  return markdownToHtml({ path: options.path ?? 'input.md', text, footnotes: options.footnotes });
}
