/**
 * What a reader types into a PDF viewer's search box: the words of a
 * source's printed text, and the folding a viewer applies before matching.
 * Shared by the text-layer measure (scripts/bench/text-layer.ts) and the
 * tests that read a PDF's text layer back.
 */
import { markdownToHtml } from '../markdown/index.ts';

/**
 * Text as a search compares it: compatibility forms folded (NFKC: Arabic
 * presentation forms, Thai sara am drawn as nikhahit and sara aa), soft
 * hyphens, invisible joiners and bidi controls dropped. With `spaces:
 * false`, whitespace and hyphens at line breaks are dropped too, which a
 * viewer's search does not do.
 */
export function searchable(text: string, options: { spaces?: boolean } = {}): string {
  const { spaces = false } = options;
  const folded = text.normalize('NFKC').replace(/[\u00AD\u200B-\u200F\u202A-\u202E\u2066-\u2069]/gu, '');
  return spaces ? folded.replace(/\s+/gu, ' ') : folded.replace(/[\s-]/gu, '');
}

/** The source's printed text (its title, and its HTML without tags or soft hyphens), and its lang. */
export async function printedText(path: string): Promise<{ text: string; lang: string | undefined }> {
  const { html, frontMatter } = await markdownToHtml({ path });
  const text = html
    // A break opportunity (a URL's, markdown/url-breaks.ts) is no space; any other tag may be.
    .replace(/<wbr>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    // Soft hyphens and bidi isolates (a right-to-left label's Latin word) are never typed.
    .replace(/[\u00AD\u2066-\u2069]/g, '');
  return { text: `${frontMatter.title} ${text}`, lang: frontMatter.lang };
}

/**
 * The distinct word-like segments of `text`, by Intl.Segmenter for `lang`.
 * V8 keeps with each segment it yields a copy of the break iterator, and so
 * of the whole text it was given: a long text segmented at once took
 * gigabytes (the Manifesto's 78,000 characters, 3.7 GB). So the text is
 * segmented a run between spaces and line breaks at a time; every word ends
 * at those (UAX #29 breaks on both sides of them, and a dictionary's Thai or
 * Chinese words do not cross them), so the words are the same.
 */
export function wordsOf(text: string, lang: string | undefined): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  const words = new Set<string>();
  for (const run of text.split(/[ \t\n\r\f]+/u)) {
    for (const part of segmenter.segment(run)) if (part.isWordLike) words.add(part.segment);
  }
  return [...words];
}

/** The distinct words of the source's printed text (its HTML without tags), by Intl.Segmenter for its lang. */
export async function sourceWords(path: string): Promise<string[]> {
  const { text, lang } = await printedText(path);
  return wordsOf(text, lang);
}
