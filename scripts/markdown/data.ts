/**
 * What the plugins of the markdown stage hand to each other on `file.data`,
 * and the two mdast nodes the footnote plugin creates. Importing this module
 * (for types only) is enough to make `file.data.frontMatter` etc. typed.
 */
import type { Data, Nodes, Parent, PhrasingContent } from 'mdast';
import type { Asset } from './assets.ts';
import type { Position } from './messages.ts';
import type { FootnoteStyle, FrontMatter } from '../config/frontmatter.ts';
import type { FrontMatterSettings } from '../config/document.ts';
// remark-directive's types load mdast-util-directive's, which add the
// directive nodes (containerDirective, …) to mdast's node maps.
import type {} from 'remark-directive';
// remark-rehype's types load mdast-util-to-hast's, which add `hName`,
// `hProperties` and `hChildren` to mdast's `data`.
import type {} from 'remark-rehype';

export type ContainerDirective = Extract<Nodes, { type: 'containerDirective' }>;
export type LeafDirective = Extract<Nodes, { type: 'leafDirective' }>;
export type TextDirective = Extract<Nodes, { type: 'textDirective' }>;
export type Directive = ContainerDirective | LeafDirective | TextDirective;

export interface HeadingEntry {
  depth: number;
  text: string;
  id: string;
}

declare module 'vfile' {
  interface DataMap {
    /** Validated front matter (set by front-matter.ts). */
    frontMatter: FrontMatter;
    /** What the front matter decides on its own: direction, labels (config/document.ts; set by front-matter.ts). */
    settings: FrontMatterSettings;
    /** Where each top-level front matter key is written, and the whole block. */
    frontMatterPlaces: { block: Position | undefined; keys: Record<string, Position> };
    /** Footnote style in force: the `footnotes` option, else the front matter's. */
    footnoteStyle: FootnoteStyle;
    /** The tear-off card's envelope: one entry per `address` block, one string per line. */
    card: { addresses: string[][] };
    /** Headings of the finished document, in order (set by heading-ids.ts). */
    headings: HeadingEntry[];
    /** The local images the document uses, read and cleaned (set by assets.ts). */
    assets: Asset[];
    /** The `cover:` image's src, relative to the essay, once checked (set by cover-image.ts). */
    coverImage: string;
  }
}

/** A footnote set inline at its call: becomes `<span class="footnote">`. */
export interface InlineNote extends Parent {
  type: 'inlineNote';
  children: PhrasingContent[];
  data: Data;
}

/** A second call of a note already set: becomes `<sup class="footnote-ref">`. */
export interface InlineNoteRef extends Parent {
  type: 'inlineNoteRef';
  children: PhrasingContent[];
  data: Data;
}

declare module 'mdast' {
  interface PhrasingContentMap {
    inlineNote: InlineNote;
    inlineNoteRef: InlineNoteRef;
  }
  interface RootContentMap {
    inlineNote: InlineNote;
    inlineNoteRef: InlineNoteRef;
  }
}
