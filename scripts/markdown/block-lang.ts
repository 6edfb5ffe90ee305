/**
 * A block quoting a CJK language is marked with it by itself, as direction.ts
 * gives a block its direction: a paragraph holding kana is `lang="ja"`,
 * hangul `lang="ko"`, and Han with neither, in a document that is not
 * Chinese, Japanese or Korean, `lang="zh"`. So the browser (and a screen
 * reader) knows its language, and the print CSS sets it in that language's
 * Noto face (fonts/plan.ts): a Japanese quotation in an English handout is
 * not set in Simplified Chinese glyph forms. Blocks in the document's own
 * language get no attribute; neither does a block inside a marked one.
 */
import type { Element, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import type { VFile } from 'vfile';
import { alignmentFor } from './justification.ts';

const BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dt', 'dd', 'th', 'td', 'figcaption']);
const CJK_LANGS = new Set(['ja', 'ko', 'zh']);

const classesOf = (node: Element): string[] => {
  const className = node.properties['className'];
  return Array.isArray(className) ? className.map(String) : [];
};

/** The CJK language a block's text is in, by its letters; undefined for a text with no Han, kana or hangul. */
export function cjkLangOf(text: string): 'ja' | 'ko' | 'zh' | undefined {
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
  if (/\p{Script=Hangul}/u.test(text)) return 'ko';
  if (/\p{Script=Han}/u.test(text)) return 'zh';
  return undefined;
}

export function rehypeBlockLang() {
  return (tree: Root, file: VFile): void => {
    const own = (file.data.frontMatter?.lang ?? 'en').toLowerCase().split('-')[0] ?? 'en';
    const visit = (node: Element): void => {
      if (BLOCKS.has(node.tagName)) {
        const lang = cjkLangOf(toString(node));
        // Han alone in a CJK document is that document's own language.
        const quoted = lang === 'zh' && CJK_LANGS.has(own) ? undefined : lang;
        if (quoted !== undefined && quoted !== own && node.properties['lang'] === undefined) {
          node.properties['lang'] = quoted;
          // Korean words are never split: quoted in a justified text, it is set ragged (justification.ts).
          if (alignmentFor({ lang: quoted, script: quoted === 'ko' ? 'Hangul' : 'Han' }) === 'ragged') node.properties['className'] = [...classesOf(node), 'ragged'];
          return;
        }
      }
      for (const child of node.children) if (child.type === 'element') visit(child);
    };
    for (const node of tree.children) if (node.type === 'element') visit(node);
  };
}
