/**
 * The text layer of a printed PDF, made right for a reader's search and
 * copy. Chromium (Skia) writes each cluster of a complex script (Devanagari,
 * Thai, Arabic…) inside a /Span with /ActualText, and gives its glyphs the
 * ToUnicode entries the font's cmap gives them read backwards: U+0000 for a
 * glyph it cannot attribute (a reordered vowel sign, stacked marks, a
 * conjunct's part, an Arabic dot), a presentation form for an Arabic letter
 * in context. poppler reads the spans; pdf.js (Firefox's viewer) reads only
 * the CMap, and put NULs and stray letters in what a reader searches.
 *
 * Each span's glyphs get codes of their own reading as their share of the
 * span's text (scripts/pdf/cluster-spans.ts; a span of one glyph that
 * reads as the whole span, a soft hyphen's, only loses its span:
 * plain-spans.ts); the other entries of the
 * CMaps lose their NULs (a zero-width non-joiner, which nothing shows and
 * search skips) and their presentation forms (the letter itself).
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { CidFont } from './cid-font.ts';
import { ZWNJ } from './cluster-text.ts';
import { rewriteClusters } from './cluster-spans.ts';
import { operations, replaceSpans, type Operation } from './content-stream.ts';
import { glyphRunEdits } from './glyph-runs.ts';
import { joinHyphenLines } from './hyphen-lines.ts';
import { logicalOrderEdits } from './logical-order.ts';
import { markSpanEdits } from './marks-apart.ts';
import { unwrapPlainSpans } from './plain-spans.ts';
import { joinedInSource } from './source-joins.ts';
import { contentOf, flateStream, flateStreamApart, streamText } from './stream-bytes.ts';
import { editStream } from './stream-edits.ts';
import { wordLineEdits } from './word-lines.ts';

const PRESENTATION_FORM = /[\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}]/u;

/** A CMap entry as a reader should get it. */
function plainText(text: string): string {
  if (text === '\u0000') return ZWNJ;
  if (!PRESENTATION_FORM.test(text)) return text;
  const folded = text.normalize('NFKC');
  // A ligature of right-to-left letters (lam-alef) is read in drawing order, then reversed with its line.
  return [...folded].length > 1 && RTL_LETTER.test(folded) ? [...folded].reverse().join('') : folded;
}

/** The references of a page's content streams. */
export function contentRefs(contents: PDFObject | undefined): PDFRef[] {
  if (contents instanceof PDFRef) return [contents];
  if (contents instanceof PDFArray) return contents.asArray().filter((item): item is PDFRef => item instanceof PDFRef);
  return [];
}

/**
 * A page content stream (`read`, its operations `ops`) made right: its plain
 * spans unwrapped, each line-end hyphen drawn with the next line
 * (hyphen-lines.ts), its clusters rewritten if it may have any, its glyphs
 * joined into runs; undefined when none of that changes it. `fonts`: the
 * page's fonts by resource name.
 */
export function repairedStream(
  read: string,
  ops: Operation[] | undefined,
  fonts: Map<string, CidFont>,
  continues?: (tail: string, head: string) => boolean,
): string | undefined {
  const repaired = rewrittenStream(read, ops, fonts);
  const rightToLeft = read.includes('/ReversedChars');
  const cjk = [...fonts.values()].some((font) => font.readsCjk);
  if (!rightToLeft && !cjk && continues === undefined) return repaired?.text;
  // Once the rest is rewritten: right-to-left runs drawn in reading order (logical-order.ts), lines
  // that end inside a word joined to the next (word-lines.ts).
  const text = repaired?.text ?? read;
  const finalOps = repaired === undefined ? ops : repaired.ops;
  if (!finalOps) return repaired?.text;
  const fontOf = (name: string): CidFont | undefined => fonts.get(name);
  const edits = [...(rightToLeft ? logicalOrderEdits(finalOps, fontOf) : []), ...(cjk || continues ? wordLineEdits(finalOps, fontOf, { continues }) : [])];
  return edits.length === 0 ? repaired?.text : replaceSpans(text, edits);
}

/** A stream rewritten, and its operations (undefined where it cannot be split: an inline image). */
interface Rewritten {
  text: string;
  ops: Operation[] | undefined;
}

/** The stream with all but its right-to-left runs' order made right (see repairedStream). */
function rewrittenStream(read: string, ops: Operation[] | undefined, fonts: Map<string, CidFont>): Rewritten | undefined {
  const fontOf = (name: string) => fonts.get(name);
  const unwrapped = ops && read.includes('/ActualText') ? unwrapPlainSpans(ops, fontOf) : undefined;
  // A cluster is a span with an ActualText, or a glyph that reads as a letter with marks: a stream with
  // neither is only joined into runs, its line-end hyphens drawn with the next lines (the cluster rewrite
  // leaves a text object with a second Tm as it is). Each pass's edits are of the stream as read, made at once.
  const spans = unwrapped ? unwrapped.spansLeft : read.includes('/ActualText');
  if (!spans && ![...fonts.values()].some((font) => font.readsWithMarks)) {
    if (!ops) return undefined;
    const lines = joinHyphenLines(unwrapped?.ops ?? ops, fontOf);
    const edits = lines ? [...(unwrapped?.edits ?? []), ...lines.edits].sort((a, b) => a.start - b.start) : unwrapped?.edits;
    const all = glyphRunEdits(lines?.ops ?? unwrapped?.ops ?? ops, fontOf, edits);
    return all.length === 0 ? undefined : editStream(read, ops, all);
  }
  const plain = unwrapped && ops ? editStream(read, ops, unwrapped.edits) : { text: read, ops };
  const rewritten = rewriteClusters(plain.text, fontOf, plain.ops);
  // The marks drawn apart moved to their word's end (marks-apart.ts); then the line-end hyphens: the cluster
  // rewrite leaves a text object with a second Tm as it is, and a hyphen's text object holds no cluster.
  const rewrittenOps = rewritten === undefined ? undefined : operations(rewritten);
  const marks = rewrittenOps ? markSpanEdits(rewrittenOps, fontOf) : [];
  const clusters = rewritten !== undefined && marks.length > 0 && rewrittenOps ? editStream(rewritten, rewrittenOps, marks) : rewritten === undefined ? undefined : { text: rewritten, ops: rewrittenOps };
  const drawn = clusters ?? plain;
  const lines = drawn.ops && joinHyphenLines(drawn.ops, fontOf);
  const changed = clusters !== undefined || unwrapped !== undefined || lines !== undefined;
  const all = drawn.ops ? glyphRunEdits(lines?.ops ?? drawn.ops, fontOf, lines?.edits) : [];
  if (all.length > 0 && drawn.ops) return editStream(drawn.text, drawn.ops, all);
  return changed ? drawn : undefined;
}

export interface RepairOptions {
  /** The document's source text, which tells a line that ends inside a word (word-lines.ts). Default: none, only CJK lines are told. */
  source?: string | undefined;
}

/** Lets the event loop turn: what the browser sent meanwhile is read, and what waits to be sent goes. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rewrites the document's clusters and ToUnicode CMaps, and joins its glyphs
 * into runs (glyph-runs.ts) on the way; returns how many streams were rewritten.
 * It lets the event loop turn before each page: the tab that printed the
 * pages takes their pictures meanwhile (gallery/page-pictures.ts), and goes
 * on only as node answers it.
 */
export async function repairToUnicode(doc: PDFDocument, options: RepairOptions = {}): Promise<number> {
  const continues = options.source === undefined ? undefined : joinedInSource(options.source);
  const fonts = new Map<string, CidFont>();
  const others = new Map<string, PDFRef>();
  // Each rewritten stream is deflated on zlib's threads while the next pages are read.
  const deflated: Promise<void>[] = [];
  for (const page of doc.getPages()) {
    await turn();
    const resources = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    const byName = new Map<string, CidFont>();
    for (const [name, value] of resources?.entries() ?? []) {
      if (!(value instanceof PDFRef)) continue;
      const key = value.toString();
      const dict = doc.context.lookup(value, PDFDict);
      const font = fonts.get(key) ?? CidFont.of(doc.context, dict, plainText);
      if (font) {
        fonts.set(key, font);
        byName.set(name.decodeText(), font);
      } else {
        const toUnicode = dict.get(PDFName.of('ToUnicode'));
        if (toUnicode instanceof PDFRef) others.set(toUnicode.toString(), toUnicode);
      }
    }
    for (const ref of contentRefs(page.node.get(PDFName.of('Contents')))) {
      const stream = doc.context.lookup(ref);
      if (!(stream instanceof PDFRawStream)) continue;
      const { text: read, ops } = contentOf(stream);
      const text = repairedStream(read, ops, byName, continues);
      if (text === undefined) continue;
      deflated.push(flateStreamApart(doc.context, text).then((stream) => doc.context.assign(ref, stream)));
    }
  }
  await Promise.all(deflated);
  for (const font of fonts.values()) font.write();
  for (const ref of others.values()) {
    const stream = doc.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const text = streamText(stream).replace(/^(<[0-9A-Fa-f]+>\s*)<0000>$/gm, `$1<${ZWNJ.charCodeAt(0).toString(16).toUpperCase()}>`);
    doc.context.assign(ref, flateStream(doc.context, text));
  }
  return deflated.length;
}
