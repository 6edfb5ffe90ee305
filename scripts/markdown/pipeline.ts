/**
 * The unified pipeline, in order. Each of our plugins does one thing and
 * hands data on through `file.data` (typed in data.ts).
 */
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { rehypeAssetGuard, remarkLocalAssets } from './assets.ts';
import { rehypeBlockLang } from './block-lang.ts';
import { rehypeDirection } from './direction.ts';
import { remarkCoverImage } from './cover-image.ts';
import { containerDirectiveHandler, remarkDirectives } from './directives.ts';
import { remarkInlineFootnotes } from './footnotes.ts';
import { remarkFrontMatterData, type FrontMatterOptions } from './front-matter.ts';
import { remarkGlyphCheck } from './glyphs.ts';
import { rehypeHeadingIds } from './heading-ids.ts';
import { rehypeHyphenate } from './hyphenate.ts';
import { rehypeImageBlocks } from './image-blocks.ts';
import { rehypeKeepTogether } from './keep-together.ts';
import { remarkImageSpaces } from './image-spaces.ts';
import { rehypeLayout } from './layout.ts';
import { remarkSafeLinks } from './links.ts';
import { remarkRawHtml } from './raw-html.ts';
import { printSchema } from './sanitize.ts';
import { rehypeSourcePlaces } from './source-places.ts';
import { remarkTearOff } from './tear-off.ts';
import { remarkTrackingLinks } from './tracking.ts';
import { remarkNeedsText } from './no-text.ts';
import { remarkUnclosedDirectives } from './unclosed.ts';
import { rehypeUrlBreaks } from './url-breaks.ts';

export type PipelineOptions = FrontMatterOptions;

export function createProcessor(options: PipelineOptions = {}) {
  return (
    unified()
      .use(remarkParse)
      .use(remarkFrontmatter, ['yaml'])
      .use(remarkFrontMatterData, options)
      .use(remarkNeedsText)
      .use(remarkUnclosedDirectives)
      .use(remarkImageSpaces)
      .use(remarkGlyphCheck)
      .use(remarkGfm)
      .use(remarkDirective)
      .use(remarkRawHtml)
      .use(remarkDirectives)
      .use(remarkTearOff)
      .use(remarkInlineFootnotes)
      .use(remarkLocalAssets)
      .use(remarkCoverImage)
      .use(remarkSafeLinks)
      .use(remarkTrackingLinks)
      // No allowDangerousHtml: raw HTML never becomes hast.
      .use(remarkRehype, { handlers: { containerDirective: containerDirectiveHandler } })
      .use(rehypeSanitize, printSchema)
      .use(rehypeAssetGuard)
      .use(rehypeImageBlocks)
      .use(rehypeLayout)
      .use(rehypeSourcePlaces)
      .use(rehypeDirection)
      .use(rehypeBlockLang)
      .use(rehypeHeadingIds)
      .use(rehypeHyphenate)
      .use(rehypeUrlBreaks)
      .use(rehypeKeepTogether)
      .use(rehypeStringify)
  );
}
