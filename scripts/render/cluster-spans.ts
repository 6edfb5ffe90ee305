/**
 * Rewrites the clusters of one content stream so that each glyph reads as
 * its share of its cluster's text (scripts/render/cluster-text.ts), through
 * a code of its own (scripts/render/cid-font.ts), and draws the glyphs in an
 * order both readers follow. Every glyph stays where it was drawn.
 *
 * Left to right (Devanagari, Thai): each ActualText span draws its glyphs
 * with an advance first, from the first on the baseline, so poppler puts
 * the span's text where the cluster starts and ends (a mark drawn first
 * above the line moved whole letters to a line of their own); its marks
 * follow in a span of their own with an empty ActualText.
 *
 * Right to left (a /ReversedChars run, one word drawn from its end):
 * pdf.js ends a text item at every span, and reverses each item on its own,
 * so a word cut into spans reads backwards. The run loses its spans: its
 * letters are drawn as they were, each reading as its letters (reversed,
 * like the run), and its marks (dots, hamza) last, in one span with an
 * empty ActualText that poppler reads as nothing.
 */
import type { CidFont } from './cid-font.ts';
import { clusterText, ZWNJ } from './cluster-text.ts';
import { codesOf, hexOf, operations, textOf, type Operation } from './content-stream.ts';

interface Glyph {
  code: number;
  /** Where it is drawn, in text space since the last Tm. */
  x: number;
  y: number;
  font: CidFont | undefined;
  size: number;
  /** Drawn with text rendering mode 3: read, not seen. */
  invisible?: boolean;
}

interface Group {
  /** Index of the BMC/BDC operation opening it. */
  open: number;
  /** The span's ActualText, for a span. */
  text?: string;
  reversed: boolean;
  /** Glyphs drawn inside, with the span each belongs to (its index in `spans`). */
  glyphs: { glyph: Glyph; span: number | undefined }[];
  spans: string[];
  /** Whether it holds anything that is not text positioning, drawing or a span. */
  spoiled: boolean;
}

const SHOWING = new Set(['Tj', 'TJ', "'", '"']);
const MOVING = new Set(['Td', 'TD', 'Tm', 'T*', 'ET']);
const SIMPLE = new Set(['Tf', 'Tm', 'Td', 'Tj', 'BDC', 'EMC']);

const fmt = (value: number): string => String(Math.round(value * 10000) / 10000);

/** Text drawing each glyph where it was, starting from `from` (the text line position). */
function draw(glyphs: Glyph[], codes: number[], from: { x: number; y: number }): { text: string; at: { x: number; y: number } } {
  let at = from;
  const lines = glyphs.map((glyph, index) => {
    const shown = `${fmt(glyph.x - at.x)} ${fmt(glyph.y - at.y)} Td ${hexOf([codes[index] ?? glyph.code])} Tj`;
    const line = glyph.invisible ? `3 Tr ${shown} 0 Tr` : shown;
    at = glyph;
    return line;
  });
  return { text: lines.join('\n'), at };
}

/** The stream with its clusters rewritten, or undefined when it has none to rewrite. */
export function rewriteClusters(text: string, fontOf: (name: string) => CidFont | undefined): string | undefined {
  const ops = operations(text);
  if (!ops) return undefined;
  const edits: { start: number; end: number; text: string }[] = [];
  const stack: Group[] = [];
  let font: CidFont | undefined;
  let size = 0;
  let line = { x: 0, y: 0 };
  let plain = true;

  /** Whether the text after `close` places its next glyph itself (so the rewrite may leave the text matrix elsewhere). */
  const placedAfter = (close: number): boolean => !SHOWING.has(ops.slice(close + 1).find((op) => MOVING.has(op.operator) || SHOWING.has(op.operator))?.operator ?? 'ET');
  /** The Tf and Tm before the group's first glyph (to keep, in front), and where the group's first glyph is placed from. */
  const preambleOf = (group: Group, close: number): { ops: string[]; start: { x: number; y: number } } | undefined => {
    const inner = ops.slice(group.open + 1, close);
    const first = inner.findIndex((op) => op.operator === 'Td' || op.operator === 'Tj');
    const head = first === -1 ? inner : inner.slice(0, first);
    if (head.some((op) => !['Tf', 'Tm', 'BDC'].includes(op.operator))) return undefined;
    if (inner.slice(head.length).some((op) => op.operator === 'Tf' || op.operator === 'Tm')) return undefined;
    const kept = head.filter((op) => op.operator !== 'BDC');
    return { ops: kept.map((op) => text.slice(op.start, op.end)), start: kept.some((op) => op.operator === 'Tm') ? { x: 0, y: 0 } : startOf(group) };
  };
  const starts = new Map<number, { x: number; y: number }>();
  const startOf = (group: Group): { x: number; y: number } => starts.get(group.open) ?? { x: 0, y: 0 };

  const rewriteSpan = (group: Group, close: number): void => {
    const glyphs = group.glyphs.map(({ glyph }) => glyph);
    const cidFont = glyphs[0]?.font;
    if (!cidFont || glyphs.some((glyph) => glyph.font !== cidFont)) return;
    const split = clusterText(glyphs.map((glyph) => ({ width: cidFont.width(glyph.code) })), group.text ?? '', { rtl: false });
    const codes = glyphs.map((glyph, index) => cidFont.codeFor(glyph.code, split.texts[index] ?? ZWNJ));
    const preamble = preambleOf(group, close);
    if (!preamble || !plain || !placedAfter(close)) {
      // Codes changed in place, glyphs in their order.
      let next = 0;
      for (const op of ops.slice(group.open + 1, close)) {
        if (op.operator !== 'Tj') continue;
        const count = codesOf(op.operands[0] ?? '').length;
        edits.push({ start: op.start, end: op.end, text: `${hexOf(codes.slice(next, next + count))} Tj` });
        next += count;
      }
      return;
    }
    const bases = draw(split.bases.map((index) => glyphs[index] as Glyph), split.bases.map((index) => codes[index] ?? 0), preamble.start);
    const marks = draw(split.marks.map((index) => glyphs[index] as Glyph), split.marks.map((index) => codes[index] ?? 0), bases.at);
    const opening = ops[group.open] as Operation;
    const parts = [...preamble.ops, `${text.slice(opening.start, opening.end)}\n${bases.text}\nEMC`];
    if (split.marks.length > 0) parts.push(`/Span<</ActualText <FEFF>>> BDC\n${marks.text}\nEMC`);
    const end = split.marks.length > 0 ? marks.at : bases.at;
    if (end.x !== line.x || end.y !== line.y) parts.push(`${fmt(line.x - end.x)} ${fmt(line.y - end.y)} Td`);
    edits.push({ start: opening.start, end: (ops[close] as Operation).end, text: parts.join('\n') });
  };

  const rewriteRun = (group: Group, close: number): void => {
    const preamble = preambleOf(group, close);
    if (!preamble || !plain || group.spoiled || !placedAfter(close) || group.glyphs.some(({ glyph }) => !glyph.font)) return;
    const drawn: Glyph[] = [];
    const codes: number[] = [];
    const marks: Glyph[] = [];
    const markCodes: number[] = [];
    const bySpan = new Map<number | undefined, Glyph[]>();
    for (const { glyph, span } of group.glyphs) bySpan.set(span, [...(bySpan.get(span) ?? []), glyph]);
    const done = new Set<number | undefined>();
    for (const { glyph, span } of group.glyphs) {
      const font = glyph.font as CidFont;
      if (span === undefined) {
        drawn.push(glyph);
        codes.push(glyph.code);
        continue;
      }
      if (done.has(span)) continue;
      done.add(span);
      const glyphs = bySpan.get(span) ?? [];
      const split = clusterText(glyphs.map((one) => ({ width: font.width(one.code) })), group.spans[span] ?? '', { rtl: true });
      // A mark that reads as a vowel sign is read from an unseen copy on the baseline where its letter starts,
      // before the letter, so as to follow it once the run is reversed; it is seen where it was, with the dots.
      const base = glyphs[split.bases[0] ?? 0] as Glyph;
      for (const index of split.marks.filter((at) => split.texts[at] !== ZWNJ)) {
        drawn.push({ ...(glyphs[index] as Glyph), x: base.x, y: base.y, invisible: true });
        codes.push(font.codeFor(glyphs[index]?.code ?? 0, split.texts[index] ?? ZWNJ));
      }
      for (const index of split.bases) {
        drawn.push(glyphs[index] as Glyph);
        codes.push(font.codeFor(glyphs[index]?.code ?? 0, split.texts[index] ?? ZWNJ));
      }
      for (const index of split.marks) {
        marks.push(glyphs[index] as Glyph);
        markCodes.push(font.codeFor(glyphs[index]?.code ?? 0, ZWNJ));
      }
    }
    const letters = draw(drawn, codes, preamble.start);
    const dots = draw(marks, markCodes, letters.at);
    const opening = ops[group.open] as Operation;
    const parts = [text.slice(opening.start, opening.end), ...preamble.ops, letters.text];
    if (marks.length > 0) parts.push(`/Span<</ActualText <FEFF>>> BDC\n${dots.text}\nEMC`);
    const end = marks.length > 0 ? dots.at : letters.at;
    if (end.x !== line.x || end.y !== line.y) parts.push(`${fmt(line.x - end.x)} ${fmt(line.y - end.y)} Td`);
    parts.push('EMC');
    edits.push({ start: opening.start, end: (ops[close] as Operation).end, text: parts.filter((part) => part !== '').join('\n') });
  };

  for (const [index, op] of ops.entries()) {
    if (!SIMPLE.has(op.operator) && op.operator !== 'BMC') for (const group of stack) group.spoiled = true;
    switch (op.operator) {
      case 'Tf':
        font = fontOf((op.operands[0] ?? '').slice(1));
        size = Number(op.operands[1]);
        break;
      case 'Tc':
      case 'Tw':
      case 'Ts':
      case 'Tz':
      case 'Tr':
        if (Number(op.operands[0]) !== (op.operator === 'Tz' ? 100 : 0)) plain = false;
        break;
      case 'BT':
      case 'Tm':
        line = { x: 0, y: 0 };
        break;
      case 'Td':
        line = { x: line.x + Number(op.operands[0]), y: line.y + Number(op.operands[1]) };
        break;
      case 'Tj': {
        let pen = line.x;
        const span = stack.findLast((group) => group.text !== undefined);
        const run = stack.findLast((group) => group.reversed);
        for (const code of codesOf(op.operands[0] ?? '')) {
          const glyph: Glyph = { code, x: pen, y: line.y, font, size };
          span?.glyphs.push({ glyph, span: undefined });
          run?.glyphs.push({ glyph, span: span ? run.spans.length - 1 : undefined });
          pen += ((font?.width(code) ?? 0) / 1000) * size;
        }
        break;
      }
      case 'BMC':
      case 'BDC': {
        const actual = op.operator === 'BDC' && op.operands[0] === '/Span' ? /\/ActualText\s*(<[^>]*>|\((?:\\.|[^\\)])*\))/.exec(op.operands[1] ?? '')?.[1] : undefined;
        const reversed = op.operator === 'BMC' && op.operands[0] === '/ReversedChars';
        if (actual === undefined || stack.some((group) => group.text !== undefined)) for (const group of stack) group.spoiled = true;
        const group: Group = { open: index, reversed, glyphs: [], spans: [], spoiled: false, ...(actual === undefined ? {} : { text: textOf(actual) }) };
        if (actual !== undefined) stack.findLast((open) => open.reversed)?.spans.push(group.text ?? '');
        starts.set(index, line);
        stack.push(group);
        break;
      }
      case 'EMC': {
        const group = stack.pop();
        if (!group || group.glyphs.length === 0) break;
        if (group.reversed) rewriteRun(group, index);
        else if (group.text !== undefined && !group.spoiled && !stack.some((open) => open.reversed)) rewriteSpan(group, index);
        break;
      }
    }
  }
  if (edits.length === 0) return undefined;
  let result = '';
  let from = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    result += text.slice(from, edit.start) + edit.text;
    from = edit.end;
  }
  return result + text.slice(from);
}
